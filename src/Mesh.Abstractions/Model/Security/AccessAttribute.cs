namespace Mesh.Model;

/// <summary>An attribute an <see cref="AccessCondition"/> tests; the wire name is the key's Istio spelling.</summary>
public enum AccessAttribute
{
    /// <summary><c>request.headers[NAME]</c>: a request header.</summary>
    RequestHeader,

    /// <summary><c>source.ip</c>: the peer's IP address.</summary>
    SourceIp,

    /// <summary><c>remote.ip</c>: the original client's IP address (<c>X-Forwarded-For</c>).</summary>
    RemoteIp,

    /// <summary><c>source.namespace</c>: the peer's namespace (from its mesh identity).</summary>
    SourceNamespace,

    /// <summary><c>source.principal</c>: the peer's identity, <c>TRUST_DOMAIN/ns/NS/sa/SA</c>.</summary>
    SourcePrincipal,

    /// <summary><c>request.auth.principal</c>: the verified JWT's <c>ISSUER/SUBJECT</c>.</summary>
    RequestPrincipal,

    /// <summary><c>request.auth.audiences</c>: the verified JWT's audiences.</summary>
    RequestAudiences,

    /// <summary><c>request.auth.presenter</c>: the verified JWT's authorized presenter (<c>azp</c>).</summary>
    RequestPresenter,

    /// <summary><c>request.auth.claims[NAME]</c> (nested: <c>[a][b]</c>): a claim of the verified JWT.</summary>
    RequestClaim,

    /// <summary><c>destination.ip</c>: the IP address the request was sent to.</summary>
    DestinationIp,

    /// <summary><c>destination.port</c>: the port the request was sent to.</summary>
    DestinationPort,

    /// <summary><c>connection.sni</c>: the TLS server name of the connection.</summary>
    ConnectionSni,
}

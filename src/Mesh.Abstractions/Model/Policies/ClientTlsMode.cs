namespace Mesh.Model;

/// <summary>How a client originates TLS to a destination.</summary>
public enum ClientTlsMode
{
    /// <summary>Plain text: no TLS is originated (the mesh's own mTLS, if any, is turned off for this destination).</summary>
    Disable,

    /// <summary>TLS with server verification (one-way TLS origination).</summary>
    Simple,

    /// <summary>TLS with a client certificate from <see cref="ClientTls.CredentialName"/> (mutual TLS to a non-mesh server).</summary>
    Mutual,

    /// <summary>The mesh's own mutual TLS, with the workload's mesh identity (Istio's <c>ISTIO_MUTUAL</c>).</summary>
    Mesh,
}

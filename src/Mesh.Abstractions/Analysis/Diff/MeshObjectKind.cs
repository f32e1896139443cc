namespace Mesh.Analysis;

/// <summary>The kind of model object a <see cref="MeshChange"/> concerns.</summary>
public enum MeshObjectKind
{
    /// <summary>A service (<c>spec.services</c>): its selector, ports and subsets.</summary>
    Service,

    /// <summary>A rule of an HTTP route (<c>spec.routes[].rules</c>), identified by its host and matches.</summary>
    RouteRule,

    /// <summary>A TCP route (<c>spec.tcpRoutes</c>), identified by its host and port.</summary>
    TcpRoute,

    /// <summary>A destination policy (<c>spec.destinationPolicies</c>), identified by its target.</summary>
    DestinationPolicy,

    /// <summary>An mTLS policy (<c>spec.mtls</c>), identified by its scope.</summary>
    MtlsPolicy,

    /// <summary>An access policy (<c>spec.accessPolicies</c>), identified by its namespace and name.</summary>
    AccessPolicy,

    /// <summary>An external service (<c>spec.externalServices</c>), identified by its namespace and name.</summary>
    ExternalService,

    /// <summary>A request authentication (<c>spec.requestAuthentications</c>), identified by its namespace and name.</summary>
    RequestAuthentication,
}

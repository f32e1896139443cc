namespace Mesh.Xds;

/// <summary>What kind of xDS client asks for configuration.</summary>
public enum XdsProxyKind
{
    /// <summary>An Envoy sidecar: outbound listeners per port, RDS per port, inbound listeners for its own service.</summary>
    Sidecar,

    /// <summary>A proxyless gRPC client: one <c>api_listener</c> per service port, named as its <c>xds:///</c> target.</summary>
    ProxylessGrpc,
}

namespace Mesh.Xds;

/// <summary>What kind of xDS client asks for configuration.</summary>
public enum XdsProxyKind
{
    /// <summary>An Envoy sidecar: outbound listeners per port, RDS per port, inbound listeners for its own service.</summary>
    Sidecar,

    /// <summary>A proxyless gRPC client: one <c>api_listener</c> per service port, named as its <c>xds:///</c> target.</summary>
    ProxylessGrpc,

    /// <summary>
    /// An Envoy gateway proxy running one of the model's <see cref="Mesh.Model.Gateway"/>s (<see cref="XdsProxy.GatewayName"/> in
    /// <see cref="XdsProxy.Namespace"/>): a listener per gateway port, RDS per port (per listener for HTTPS), TLS terminated with
    /// certificates over SDS, and clusters for the backends its gateway routes reach.
    /// </summary>
    Gateway,
}

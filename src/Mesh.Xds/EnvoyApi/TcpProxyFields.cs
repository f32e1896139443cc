namespace Mesh.Xds.EnvoyApi;

// envoy.extensions.filters.network.tcp_proxy.v3 (envoy/extensions/filters/network/tcp_proxy/v3/tcp_proxy.proto).

/// <summary><c>envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy</c>.</summary>
internal static class TcpProxyFields
{
    public const int StatPrefix = 1;
    public const int Cluster = 2;
}

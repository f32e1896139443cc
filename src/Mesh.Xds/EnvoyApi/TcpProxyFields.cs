namespace Mesh.Xds.EnvoyApi;

// envoy.extensions.filters.network.tcp_proxy.v3 (envoy/extensions/filters/network/tcp_proxy/v3/tcp_proxy.proto).

/// <summary><c>envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy</c>.</summary>
internal static class TcpProxyFields
{
    public const int StatPrefix = 1;
    public const int Cluster = 2;
    public const int WeightedClusters = 10;
    public const int AccessLog = 5;
}

/// <summary><c>envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy.WeightedCluster</c>.</summary>
internal static class TcpProxyWeightedClusterFields
{
    public const int Clusters = 1;
}

/// <summary><c>envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy.WeightedCluster.ClusterWeight</c>.</summary>
internal static class TcpProxyClusterWeightFields
{
    public const int Name = 1;
    public const int Weight = 2;
}

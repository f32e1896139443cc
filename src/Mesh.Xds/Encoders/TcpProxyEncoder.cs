using Mesh.Xds.EnvoyApi;
using Mesh.Xds.Planning;
using Mesh.Xds.Wire;

namespace Mesh.Xds.Encoders;

/// <summary>
/// Encodes a <c>tcp_proxy</c> network filter (<c>envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy</c>): its stat prefix and
/// one <c>cluster</c>, or <c>weighted_clusters</c> when there are several backends. Shared by every listener that proxies TCP.
/// </summary>
internal static class TcpProxyEncoder
{
    /// <summary>The content of a <c>Filter</c>: the filter's name and its typed config.</summary>
    public static void Filter<TSink>(ref TSink s, ReadOnlySpan<byte> statPrefix, BackendPlan[] backends) where TSink : IProtoSink, allows ref struct
    {
        s.Utf8(FilterFields.Name, "envoy.filters.network.tcp_proxy"u8);
        Fields.BeginAny(ref s, FilterFields.TypedConfig, TypeUrlBytes.TcpProxy);
        s.Utf8(TcpProxyFields.StatPrefix, statPrefix);
        if (backends.Length == 1)
        {
            s.Utf8(TcpProxyFields.Cluster, backends[0].ClusterUtf8);
        }
        else
        {
            s.Begin(TcpProxyFields.WeightedClusters);
            foreach (var backend in backends)
            {
                s.Begin(TcpProxyWeightedClusterFields.Clusters);
                s.Utf8(TcpProxyClusterWeightFields.Name, backend.ClusterUtf8);
                s.Varint(TcpProxyClusterWeightFields.Weight, (ulong)backend.Weight);
                s.End();
            }
            s.End();
        }
        Fields.EndAny(ref s);
    }
}

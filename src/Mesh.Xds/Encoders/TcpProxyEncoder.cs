using Mesh.Xds.EnvoyApi;
using Mesh.Xds.Planning;
using Mesh.Xds.Wire;

namespace Mesh.Xds.Encoders;

/// <summary>
/// Encodes a <c>tcp_proxy</c> network filter (<c>envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy</c>): its stat prefix and
/// one <c>cluster</c>, or <c>weighted_clusters</c> when there are several backends, and the file access log to standard output
/// when the telemetry asks for one (in field-number order). Shared by every listener that proxies TCP.
/// </summary>
internal static class TcpProxyEncoder
{
    /// <summary>The content of a <c>Filter</c>: the filter's name and its typed config.</summary>
    public static void Filter<TSink>(ref TSink s, ReadOnlySpan<byte> statPrefix, BackendPlan[] backends, bool accessLog = false) where TSink : IProtoSink, allows ref struct
    {
        s.Utf8(FilterFields.Name, "envoy.filters.network.tcp_proxy"u8);
        Fields.BeginAny(ref s, FilterFields.TypedConfig, TypeUrlBytes.TcpProxy);
        s.Utf8(TcpProxyFields.StatPrefix, statPrefix);
        if (backends.Length == 1) s.Utf8(TcpProxyFields.Cluster, backends[0].ClusterUtf8);
        if (accessLog)
        {
            s.Begin(TcpProxyFields.AccessLog);
            s.Utf8(AccessLogFields.Name, "envoy.access_loggers.file"u8);
            Fields.BeginAny(ref s, AccessLogFields.TypedConfig, TypeUrlBytes.FileAccessLog);
            s.Utf8(FileAccessLogFields.Path, "/dev/stdout"u8);
            Fields.EndAny(ref s);
            s.End();
        }
        if (backends.Length != 1)
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

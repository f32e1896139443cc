using Mesh.Model;
using Mesh.Xds.EnvoyApi;
using Mesh.Xds.Planning;
using Mesh.Xds.Wire;

namespace Mesh.Xds.Encoders;

/// <summary>Encodes <c>envoy.config.cluster.v3.Cluster</c>.</summary>
internal readonly struct ClusterEncoder(ClusterPlan cluster, XdsEncoderOptions options) : IMessageEncoder
{
    public void Encode<TSink>(ref TSink s) where TSink : IProtoSink, allows ref struct => Write(ref s, cluster, options);

    /// <summary>A sidecar's local cluster: STATIC, one endpoint on 127.0.0.1 at the service port.</summary>
    private static void InboundCluster<TSink>(ref TSink s, ClusterPlan c) where TSink : IProtoSink, allows ref struct
    {
        Fields.Duration(ref s, ClusterFields.ConnectTimeout, c.ConnectTimeout);
        s.Begin(ClusterFields.LoadAssignment);
        s.String(ClusterLoadAssignmentFields.ClusterName, c.Name);
        s.Begin(ClusterLoadAssignmentFields.Endpoints);
        s.Begin(LocalityLbEndpointsFields.Locality);
        s.End();
        s.Begin(LocalityLbEndpointsFields.LbEndpoints);
        s.Begin(LbEndpointFields.Endpoint);
        s.Begin(EndpointFields.Address);
        s.Begin(AddressFields.SocketAddress);
        s.Utf8(SocketAddressFields.Address, "127.0.0.1"u8);
        s.Varint(SocketAddressFields.PortValue, (ulong)c.Port);
        s.End();
        s.End();
        s.End();
        s.End();
        Fields.UInt32Value(ref s, LocalityLbEndpointsFields.LoadBalancingWeight, 1);
        s.End();
        s.End();
    }

    public static void Write<TSink>(ref TSink s, ClusterPlan c, XdsEncoderOptions options) where TSink : IProtoSink, allows ref struct
    {
        s.Utf8(ClusterFields.Name, c.NameUtf8);
        if (c.Inbound)
        {
            InboundCluster(ref s, c);
            return;
        }
        s.Varint(ClusterFields.Type, (ulong)DiscoveryType.Eds);
        s.Begin(ClusterFields.EdsClusterConfig);
        Fields.AdsConfigSource(ref s, EdsClusterConfigFields.EdsConfig);
        s.Utf8(EdsClusterConfigFields.ServiceName, c.NameUtf8);
        s.End();
        Fields.Duration(ref s, ClusterFields.ConnectTimeout, c.ConnectTimeout);
        s.Varint(ClusterFields.LbPolicy, (ulong)c.LbPolicy);
        if (c.Pool is { } pool && (pool.MaxConnections ?? pool.MaxPendingRequests ?? pool.MaxRequests ?? pool.MaxRetries) is not null)
        {
            s.Begin(ClusterFields.CircuitBreakers);
            s.Begin(CircuitBreakersFields.Thresholds); // priority DEFAULT
            Fields.UInt32Value(ref s, ThresholdsFields.MaxConnections, pool.MaxConnections);
            Fields.UInt32Value(ref s, ThresholdsFields.MaxPendingRequests, pool.MaxPendingRequests);
            Fields.UInt32Value(ref s, ThresholdsFields.MaxRequests, pool.MaxRequests);
            Fields.UInt32Value(ref s, ThresholdsFields.MaxRetries, pool.MaxRetries);
            s.End();
            s.End();
        }
        if (c.Outlier is { } outlier)
        {
            s.Begin(ClusterFields.OutlierDetection);
            Fields.UInt32Value(ref s, OutlierDetectionFields.Consecutive5xx, outlier.Consecutive5xx);
            Fields.Duration(ref s, OutlierDetectionFields.Interval, outlier.Interval);
            Fields.Duration(ref s, OutlierDetectionFields.BaseEjectionTime, outlier.BaseEjectionTime);
            Fields.UInt32Value(ref s, OutlierDetectionFields.MaxEjectionPercent, outlier.MaxEjectionPercent);
            Fields.UInt32Value(ref s, OutlierDetectionFields.ConsecutiveGatewayFailure, outlier.ConsecutiveGatewayErrors);
            if (outlier.ConsecutiveGatewayErrors is not null) Fields.UInt32Value(ref s, OutlierDetectionFields.EnforcingConsecutiveGatewayFailure, 100);
            s.End();
        }
        if (c.Tls is { } tls)
        {
            TlsContextEncoder.Upstream(ref s, ClusterFields.TransportSocket, tls, options);
        }
        var http2 = c.Protocol is Protocol.Http2 or Protocol.Grpc;
        var perConnection = c.Pool?.MaxRequestsPerConnection;
        if (http2 || perConnection is not null)
        {
            s.Begin(ClusterFields.TypedExtensionProtocolOptions);
            s.Utf8(MapEntryFields.Key, "envoy.extensions.upstreams.http.v3.HttpProtocolOptions"u8);
            Fields.BeginAny(ref s, MapEntryFields.Value, TypeUrlBytes.HttpProtocolOptions);
            if (perConnection is not null)
            {
                s.Begin(HttpProtocolOptionsFields.CommonHttpProtocolOptions);
                Fields.UInt32Value(ref s, CoreHttpProtocolOptionsFields.MaxRequestsPerConnection, perConnection);
                s.End();
            }
            s.Begin(HttpProtocolOptionsFields.ExplicitHttpConfig);
            s.Begin(http2 ? ExplicitHttpConfigFields.Http2ProtocolOptions : ExplicitHttpConfigFields.HttpProtocolOptions);
            s.End();
            s.End();
            Fields.EndAny(ref s);
            s.End();
        }
    }
}

using Mesh.Model;
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
        Fields.Duration(ref s, 4, c.ConnectTimeout);
        s.Begin(33); // load_assignment
        s.String(1, c.Name);
        s.Begin(2);
        s.Begin(1);
        s.End();
        s.Begin(2);
        s.Begin(1);
        s.Begin(1);
        s.Begin(1);
        s.Utf8(2, "127.0.0.1"u8);
        s.Varint(3, (ulong)c.Port);
        s.End();
        s.End();
        s.End();
        s.End();
        Fields.UInt32Value(ref s, 3, 1);
        s.End();
        s.End();
    }

    public static void Write<TSink>(ref TSink s, ClusterPlan c, XdsEncoderOptions options) where TSink : IProtoSink, allows ref struct
    {
        s.Utf8(1, c.NameUtf8);
        if (c.Inbound)
        {
            InboundCluster(ref s, c);
            return;
        }
        s.Varint(2, 3); // type: EDS
        s.Begin(3); // eds_cluster_config
        Fields.AdsConfigSource(ref s, 1);
        s.Utf8(2, c.NameUtf8);
        s.End();
        Fields.Duration(ref s, 4, c.ConnectTimeout);
        s.Varint(6, (ulong)c.LbPolicy);
        if (c.Pool is { } pool && (pool.MaxConnections ?? pool.MaxPendingRequests ?? pool.MaxRequests ?? pool.MaxRetries) is not null)
        {
            s.Begin(10); // circuit_breakers
            s.Begin(1); // thresholds (priority DEFAULT)
            Fields.UInt32Value(ref s, 2, pool.MaxConnections);
            Fields.UInt32Value(ref s, 3, pool.MaxPendingRequests);
            Fields.UInt32Value(ref s, 4, pool.MaxRequests);
            Fields.UInt32Value(ref s, 5, pool.MaxRetries);
            s.End();
            s.End();
        }
        if (c.Outlier is { } outlier)
        {
            s.Begin(19);
            Fields.UInt32Value(ref s, 1, outlier.Consecutive5xx);
            Fields.Duration(ref s, 2, outlier.Interval);
            Fields.Duration(ref s, 3, outlier.BaseEjectionTime);
            Fields.UInt32Value(ref s, 4, outlier.MaxEjectionPercent);
            Fields.UInt32Value(ref s, 10, outlier.ConsecutiveGatewayErrors);
            if (outlier.ConsecutiveGatewayErrors is not null) Fields.UInt32Value(ref s, 11, 100);
            s.End();
        }
        if (c.TlsSni is { } sni)
        {
            s.Begin(24); // transport_socket
            s.Utf8(1, "envoy.transport_sockets.tls"u8);
            Fields.BeginAny(ref s, 3, TypeUrlBytes.UpstreamTlsContext);
            s.Begin(1); // common_tls_context
            s.Utf8(4, "istio"u8);
            s.Begin(6); // tls_certificate_sds_secret_configs
            s.String(1, options.CertificateSecretName);
            Fields.AdsConfigSource(ref s, 2);
            s.End();
            s.Begin(8); // combined_validation_context
            s.Begin(1);
            s.End();
            s.Begin(2);
            s.String(1, options.RootCaSecretName);
            Fields.AdsConfigSource(ref s, 2);
            s.End();
            s.End();
            s.End();
            s.String(2, sni);
            Fields.EndAny(ref s);
            s.End();
        }
        var http2 = c.Protocol is Protocol.Http2 or Protocol.Grpc;
        var perConnection = c.Pool?.MaxRequestsPerConnection;
        if (http2 || perConnection is not null)
        {
            s.Begin(36); // typed_extension_protocol_options entry
            s.Utf8(1, "envoy.extensions.upstreams.http.v3.HttpProtocolOptions"u8);
            Fields.BeginAny(ref s, 2, TypeUrlBytes.HttpProtocolOptions);
            if (perConnection is not null)
            {
                s.Begin(1);
                Fields.UInt32Value(ref s, 6, perConnection);
                s.End();
            }
            s.Begin(3); // explicit_http_config
            s.Begin(http2 ? 2 : 1);
            s.End();
            s.End();
            Fields.EndAny(ref s);
            s.End();
        }
    }
}

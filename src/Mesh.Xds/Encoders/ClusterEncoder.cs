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
        s.Varint(ClusterFields.Type, (ulong)c.Discovery);
        if (c.Discovery == DiscoveryType.Eds)
        {
            s.Begin(ClusterFields.EdsClusterConfig);
            Fields.AdsConfigSource(ref s, EdsClusterConfigFields.EdsConfig);
            s.Utf8(EdsClusterConfigFields.ServiceName, c.NameUtf8);
            s.End();
        }
        Fields.Duration(ref s, ClusterFields.ConnectTimeout, c.ConnectTimeout);
        s.Varint(ClusterFields.LbPolicy, (ulong)c.LbPolicy);
        LbConfig(ref s, c);
        if (c.Locality?.Distribution is not null)
        {
            // Locality weights take effect only with locality-weighted balancing on.
            s.Begin(ClusterFields.CommonLbConfig);
            s.Begin(CommonLbConfigFields.LocalityWeightedLbConfig);
            s.End();
            s.End();
        }
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
        if (c.Inline is { } inline) InlineLoadAssignment(ref s, c, inline);
        var http2 = c.Http2;
        var perConnection = c.Pool?.MaxRequestsPerConnection;
        var idle = c.Pool?.IdleTimeout;
        if (http2 || perConnection is not null || idle is not null)
        {
            s.Begin(ClusterFields.TypedExtensionProtocolOptions);
            s.Utf8(MapEntryFields.Key, "envoy.extensions.upstreams.http.v3.HttpProtocolOptions"u8);
            Fields.BeginAny(ref s, MapEntryFields.Value, TypeUrlBytes.HttpProtocolOptions);
            if (perConnection is not null || idle is not null)
            {
                s.Begin(HttpProtocolOptionsFields.CommonHttpProtocolOptions);
                Fields.Duration(ref s, CoreHttpProtocolOptionsFields.IdleTimeout, idle);
                Fields.UInt32Value(ref s, CoreHttpProtocolOptionsFields.MaxRequestsPerConnection, perConnection);
                s.End();
            }
            s.Begin(HttpProtocolOptionsFields.ExplicitHttpConfig);
            s.Begin(http2 ? ExplicitHttpConfigFields.Http2ProtocolOptions : ExplicitHttpConfigFields.HttpProtocolOptions);
            if (http2) Fields.UInt32Value(ref s, Http2ProtocolOptionsFields.MaxConcurrentStreams, c.Pool?.MaxConcurrentStreams);
            s.End();
            s.End();
            Fields.EndAny(ref s);
            s.End();
        }
    }

    /// <summary>
    /// The <c>load_assignment</c> of a STATIC or STRICT_DNS cluster: one locality group holding its endpoints (IP
    /// addresses, or host names that STRICT_DNS resolves), or no group when it has none (the black-hole cluster).
    /// </summary>
    private static void InlineLoadAssignment<TSink>(ref TSink s, ClusterPlan c, InlineEndpoint[] endpoints) where TSink : IProtoSink, allows ref struct
    {
        s.Begin(ClusterFields.LoadAssignment);
        s.Utf8(ClusterLoadAssignmentFields.ClusterName, c.NameUtf8);
        if (endpoints.Length > 0)
        {
            s.Begin(ClusterLoadAssignmentFields.Endpoints);
            foreach (var endpoint in endpoints)
            {
                s.Begin(LocalityLbEndpointsFields.LbEndpoints);
                s.Begin(LbEndpointFields.Endpoint);
                s.Begin(EndpointFields.Address);
                s.Begin(AddressFields.SocketAddress);
                s.Utf8(SocketAddressFields.Address, endpoint.AddressUtf8);
                s.Varint(SocketAddressFields.PortValue, (ulong)endpoint.Port);
                s.End();
                s.End();
                s.End();
                s.End();
            }
            s.End();
        }
        s.End();
    }

    /// <summary>
    /// The policy's own settings: the ring size or Maglev table size of a consistent hash, and slow start for round robin
    /// and least request (the planner keeps warm-up only for those).
    /// </summary>
    private static void LbConfig<TSink>(ref TSink s, ClusterPlan c) where TSink : IProtoSink, allows ref struct
    {
        switch (c.LbPolicy)
        {
            case LbPolicy.RingHash when c.Ring?.Size is { } size:
                s.Begin(ClusterFields.RingHashLbConfig);
                UInt64Value(ref s, RingHashLbConfigFields.MinimumRingSize, size);
                s.End();
                break;
            case LbPolicy.Maglev when c.Ring?.Size is { } size:
                s.Begin(ClusterFields.MaglevLbConfig);
                UInt64Value(ref s, MaglevLbConfigFields.TableSize, size);
                s.End();
                break;
            case LbPolicy.RoundRobin when c.Warmup is { } warmup:
                s.Begin(ClusterFields.RoundRobinLbConfig);
                SlowStart(ref s, RoundRobinLbConfigFields.SlowStartConfig, warmup);
                s.End();
                break;
            case LbPolicy.LeastRequest when c.Warmup is { } warmup:
                s.Begin(ClusterFields.LeastRequestLbConfig);
                SlowStart(ref s, LeastRequestLbConfigFields.SlowStartConfig, warmup);
                s.End();
                break;
        }
    }

    private static void SlowStart<TSink>(ref TSink s, int field, Warmup warmup) where TSink : IProtoSink, allows ref struct
    {
        s.Begin(field);
        Fields.Duration(ref s, SlowStartConfigFields.SlowStartWindow, warmup.Duration);
        if (warmup.Aggression is { } aggression)
        {
            s.Begin(SlowStartConfigFields.Aggression);
            s.Double(RuntimeDoubleFields.DefaultValue, (double)aggression);
            // Envoy requires a runtime key; one that no runtime layer sets keeps the default value.
            s.Utf8(RuntimeDoubleFields.RuntimeKey, "mesh_sdk.slow_start.aggression"u8);
            s.End();
        }
        if (warmup.MinimumPercent is { } minimum)
        {
            s.Begin(SlowStartConfigFields.MinWeightPercent);
            s.Double(PercentFields.Value, (double)minimum);
            s.End();
        }
        s.End();
    }

    private static void UInt64Value<TSink>(ref TSink s, int field, ulong value) where TSink : IProtoSink, allows ref struct
    {
        s.Begin(field);
        s.Varint(WrapperFields.Value, value);
        s.End();
    }
}

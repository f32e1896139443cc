using Mesh.Xds.EnvoyApi;
using Mesh.Xds.Planning;
using Mesh.Xds.Wire;

namespace Mesh.Xds.Encoders;

/// <summary>
/// Encodes <c>envoy.config.listener.v3.Listener</c>: an outbound sidecar listener on <c>0.0.0.0:port</c>, or a
/// proxyless gRPC <c>api_listener</c>; both carry an HttpConnectionManager that takes its routes over RDS, with
/// the fault filter (when a route injects faults) before the router, which is always last.
/// </summary>
internal readonly struct ListenerEncoder(ListenerPlan listener, XdsEncoderOptions options) : IMessageEncoder
{
    public void Encode<TSink>(ref TSink s) where TSink : IProtoSink, allows ref struct => Write(ref s, listener, options);

    public static void Write<TSink>(ref TSink s, ListenerPlan l, XdsEncoderOptions options) where TSink : IProtoSink, allows ref struct
    {
        if (l.Inbound is { } inbound)
        {
            InboundListenerEncoder.Write(ref s, l, inbound, options);
            return;
        }
        s.Utf8(ListenerFields.Name, l.NameUtf8);
        if (l.ApiListener)
        {
            s.Begin(ListenerFields.ApiListener);
            Fields.BeginAny(ref s, ApiListenerFields.ApiListener, TypeUrlBytes.HttpConnectionManager);
            ConnectionManager(ref s, l);
            Fields.EndAny(ref s);
            s.End();
            return;
        }
        s.Begin(ListenerFields.Address);
        s.Begin(AddressFields.SocketAddress);
        s.Utf8(SocketAddressFields.Address, "0.0.0.0"u8);
        s.Varint(SocketAddressFields.PortValue, (ulong)l.Port);
        s.End();
        s.End();
        s.Begin(ListenerFields.FilterChains);
        s.Begin(FilterChainFields.Filters);
        s.Utf8(FilterFields.Name, "envoy.filters.network.http_connection_manager"u8);
        Fields.BeginAny(ref s, FilterFields.TypedConfig, TypeUrlBytes.HttpConnectionManager);
        ConnectionManager(ref s, l);
        Fields.EndAny(ref s);
        s.End();
        s.End();
        s.Varint(ListenerFields.TrafficDirection, (ulong)TrafficDirection.Outbound);
    }

    private static void ConnectionManager<TSink>(ref TSink s, ListenerPlan l) where TSink : IProtoSink, allows ref struct
    {
        s.String(HttpConnectionManagerFields.StatPrefix, l.StatPrefix);
        s.Begin(HttpConnectionManagerFields.Rds);
        Fields.AdsConfigSource(ref s, RdsFields.ConfigSource);
        s.String(RdsFields.RouteConfigName, l.RouteConfigName);
        s.End();
        if (l.Fault)
        {
            s.Begin(HttpConnectionManagerFields.HttpFilters);
            s.Utf8(HttpFilterFields.Name, "envoy.filters.http.fault"u8);
            Fields.EmptyAny(ref s, HttpFilterFields.TypedConfig, TypeUrlBytes.HttpFault);
            s.End();
        }
        s.Begin(HttpConnectionManagerFields.HttpFilters);
        s.Utf8(HttpFilterFields.Name, "envoy.filters.http.router"u8);
        Fields.EmptyAny(ref s, HttpFilterFields.TypedConfig, TypeUrlBytes.Router);
        s.End();
        TelemetryEncoder.Write(ref s, l.Telemetry);
    }
}

using Mesh.Xds.EnvoyApi;
using Mesh.Xds.Planning;
using Mesh.Xds.Wire;

namespace Mesh.Xds.Encoders;

/// <summary>
/// Encodes <c>envoy.config.listener.v3.Listener</c>: an outbound sidecar listener on <c>0.0.0.0:port</c>, or a
/// proxyless gRPC <c>api_listener</c>; both carry an HttpConnectionManager that takes its routes over RDS
/// (<see cref="ConnectionManagerEncoder"/>). The sidecar's inbound listener and a gateway's listeners have encoders of their own.
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
        if (l.Gateway is { } gateway)
        {
            GatewayListenerEncoder.Write(ref s, l, gateway);
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

    private static void ConnectionManager<TSink>(ref TSink s, ListenerPlan l) where TSink : IProtoSink, allows ref struct =>
        ConnectionManagerEncoder.Rds(ref s, l.StatPrefix, l.RouteConfigName, l.Fault, l.Telemetry);
}

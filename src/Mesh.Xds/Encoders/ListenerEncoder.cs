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
        s.Utf8(1, l.NameUtf8);
        if (l.ApiListener)
        {
            s.Begin(19);
            Fields.BeginAny(ref s, 1, TypeUrlBytes.HttpConnectionManager);
            ConnectionManager(ref s, l);
            Fields.EndAny(ref s);
            s.End();
            return;
        }
        s.Begin(2);
        s.Begin(1);
        s.Utf8(2, "0.0.0.0"u8);
        s.Varint(3, (ulong)l.Port);
        s.End();
        s.End();
        s.Begin(3); // filter_chains
        s.Begin(3); // filters
        s.Utf8(1, "envoy.filters.network.http_connection_manager"u8);
        Fields.BeginAny(ref s, 4, TypeUrlBytes.HttpConnectionManager);
        ConnectionManager(ref s, l);
        Fields.EndAny(ref s);
        s.End();
        s.End();
        s.Varint(16, 2); // traffic_direction: OUTBOUND
    }

    private static void ConnectionManager<TSink>(ref TSink s, ListenerPlan l) where TSink : IProtoSink, allows ref struct
    {
        s.String(2, l.StatPrefix);
        s.Begin(3); // rds
        Fields.AdsConfigSource(ref s, 1);
        s.String(2, l.RouteConfigName);
        s.End();
        if (l.Fault)
        {
            s.Begin(5);
            s.Utf8(1, "envoy.filters.http.fault"u8);
            Fields.EmptyAny(ref s, 4, TypeUrlBytes.HttpFault);
            s.End();
        }
        s.Begin(5);
        s.Utf8(1, "envoy.filters.http.router"u8);
        Fields.EmptyAny(ref s, 4, TypeUrlBytes.Router);
        s.End();
    }
}

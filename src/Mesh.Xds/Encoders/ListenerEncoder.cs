using Mesh.Xds.EnvoyApi;
using Mesh.Xds.Planning;
using Mesh.Xds.Wire;

namespace Mesh.Xds.Encoders;

/// <summary>
/// Encodes <c>envoy.config.listener.v3.Listener</c>: an outbound sidecar listener on <c>0.0.0.0:port</c>, or a
/// proxyless gRPC <c>api_listener</c>; both carry an HttpConnectionManager that takes its routes over RDS
/// (<see cref="ConnectionManagerEncoder"/>). A sidecar's port with TLS or TCP destinations also has their <c>tcp_proxy</c>
/// filter chains (<see cref="OutboundTcpPlan"/>) before the catch-all chain (the HttpConnectionManager's, or a
/// <c>tcp_proxy</c> on a port without HTTP), the <c>original_dst</c> listener filter, and the TLS inspector when a chain matches SNI. The sidecar's inbound listener and a gateway's listeners have encoders of their own.
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
        if (l.Tcp is { } tcp)
        {
            foreach (var chain in tcp.Chains) TcpChain(ref s, chain, l.Telemetry?.AccessLog == true);
        }
        if (l.Tcp?.Default is { } fallback)
        {
            TcpChain(ref s, fallback, l.Telemetry?.AccessLog == true);
        }
        else
        {
            s.Begin(ListenerFields.FilterChains);
            s.Begin(FilterChainFields.Filters);
            s.Utf8(FilterFields.Name, "envoy.filters.network.http_connection_manager"u8);
            Fields.BeginAny(ref s, FilterFields.TypedConfig, TypeUrlBytes.HttpConnectionManager);
            ConnectionManager(ref s, l);
            Fields.EndAny(ref s);
            s.End();
            s.End();
        }
        if (l.Tcp is { } filters)
        {
            // The original destination (restored after a redirect) is what prefix_ranges and ORIGINAL_DST clusters read.
            Fields.ListenerFilter(ref s, "envoy.filters.listener.original_dst"u8, TypeUrlBytes.OriginalDst);
            if (filters.TlsInspector) Fields.ListenerFilter(ref s, "envoy.filters.listener.tls_inspector"u8, TypeUrlBytes.TlsInspector);
        }
        s.Varint(ListenerFields.TrafficDirection, (ulong)TrafficDirection.Outbound);
        // A server-first protocol (the server speaks before the client) gives the TLS inspector nothing to read: on its
        // timeout the connection goes on to the chains without server names instead of being closed.
        s.Bool(ListenerFields.ContinueOnListenerFiltersTimeout, l.Tcp?.TlsInspector == true);
    }

    /// <summary>A layer-4 filter chain of a sidecar's outbound port: its match (destination blocks, SNI), a <c>tcp_proxy</c> (with the telemetry's access log), its name.</summary>
    private static void TcpChain<TSink>(ref TSink s, TcpChainPlan chain, bool accessLog) where TSink : IProtoSink, allows ref struct
    {
        s.Begin(ListenerFields.FilterChains);
        if (chain.HasMatch)
        {
            s.Begin(FilterChainFields.FilterChainMatch);
            foreach (var prefix in chain.PrefixRanges)
            {
                s.Begin(FilterChainMatchFields.PrefixRanges);
                s.Utf8(CidrRangeFields.AddressPrefix, prefix.AddressUtf8);
                Fields.UInt32Value(ref s, CidrRangeFields.PrefixLen, prefix.Length);
                s.End();
            }
            foreach (var name in chain.ServerNamesUtf8) s.Utf8(FilterChainMatchFields.ServerNames, name);
            s.End();
        }
        s.Begin(FilterChainFields.Filters);
        TcpProxyEncoder.Filter(ref s, chain.StatPrefixUtf8, chain.Backends, accessLog);
        s.End();
        s.Utf8(FilterChainFields.Name, chain.NameUtf8);
        s.End();
    }

    private static void ConnectionManager<TSink>(ref TSink s, ListenerPlan l) where TSink : IProtoSink, allows ref struct =>
        ConnectionManagerEncoder.Rds(ref s, l.StatPrefix, l.RouteConfigName, l.Fault, l.Telemetry);
}

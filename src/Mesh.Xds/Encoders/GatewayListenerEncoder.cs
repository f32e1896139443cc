using Mesh.Xds.EnvoyApi;
using Mesh.Xds.Planning;
using Mesh.Xds.Wire;

namespace Mesh.Xds.Encoders;

/// <summary>
/// Encodes one port of a gateway proxy (<see cref="GatewayPlanner"/>): a listener on <c>0.0.0.0:port</c> with a filter chain
/// per plan chain — matched by SNI (<c>server_names</c>), terminating TLS with a <c>DownstreamTlsContext</c> when the listener
/// does, and holding an HttpConnectionManager over RDS (<see cref="ConnectionManagerEncoder"/>) or a <c>tcp_proxy</c>
/// (<see cref="TcpProxyEncoder"/>, shared with the sidecar's layer-4 chains) — and the
/// TLS inspector listener filter that reads the SNI when the port carries TLS.
/// </summary>
internal static class GatewayListenerEncoder
{
    public static void Write<TSink>(ref TSink s, ListenerPlan l, GatewayListenerPlan gateway) where TSink : IProtoSink, allows ref struct
    {
        s.Utf8(ListenerFields.Name, l.NameUtf8);
        s.Begin(ListenerFields.Address);
        s.Begin(AddressFields.SocketAddress);
        s.Utf8(SocketAddressFields.Address, "0.0.0.0"u8);
        s.Varint(SocketAddressFields.PortValue, (ulong)l.Port);
        s.End();
        s.End();
        foreach (var chain in gateway.Chains)
        {
            s.Begin(ListenerFields.FilterChains);
            if (chain.ServerNames.Length > 0)
            {
                s.Begin(FilterChainFields.FilterChainMatch);
                foreach (var name in chain.ServerNames) s.StringAlways(FilterChainMatchFields.ServerNames, name);
                s.End();
            }
            s.Begin(FilterChainFields.Filters);
            if (chain.RouteConfigName is { } routeConfig)
            {
                s.Utf8(FilterFields.Name, "envoy.filters.network.http_connection_manager"u8);
                Fields.BeginAny(ref s, FilterFields.TypedConfig, TypeUrlBytes.HttpConnectionManager);
                ConnectionManagerEncoder.Rds(ref s, chain.StatPrefix, routeConfig, chain.Fault, l.Telemetry, gateway.Jwt);
                Fields.EndAny(ref s);
            }
            else
            {
                TcpProxyEncoder.Filter(ref s, chain.StatPrefixUtf8, chain.TcpBackends ?? [], l.Telemetry?.AccessLog == true);
            }
            s.End();
            if (chain.Tls is { } tls) TlsContextEncoder.Gateway(ref s, FilterChainFields.TransportSocket, tls);
            s.String(FilterChainFields.Name, chain.Name);
            s.End();
        }
        if (gateway.TlsInspector) Fields.ListenerFilter(ref s, "envoy.filters.listener.tls_inspector"u8, TypeUrlBytes.TlsInspector);
        s.Varint(ListenerFields.TrafficDirection, (ulong)TrafficDirection.Outbound);
    }
}

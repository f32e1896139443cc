using Mesh.Xds.Planning;
using Mesh.Xds.Wire;

namespace Mesh.Xds.Encoders;

/// <summary>
/// Encodes the sidecar's <c>virtualInbound</c> listener: one filter chain per HTTP port of its own service
/// (matched on the original destination port), terminating mTLS when the workload's mode is strict, with an
/// HttpConnectionManager whose routes are inline (to the local <c>inbound|port||</c> cluster) and whose filters are
/// the RBAC deny filter, the RBAC allow filter (when access policies apply) and the router, last.
/// </summary>
internal static class InboundListenerEncoder
{
    private const string RbacFilter = "envoy.filters.http.rbac";

    public static void Write<TSink>(ref TSink s, ListenerPlan l, InboundPlan inbound, XdsEncoderOptions options) where TSink : IProtoSink, allows ref struct
    {
        s.String(1, l.Name);
        s.Begin(2);
        s.Begin(1);
        s.Utf8(2, "0.0.0.0"u8);
        s.Varint(3, (ulong)l.Port);
        s.End();
        s.End();
        foreach (var port in inbound.Ports)
        {
            s.Begin(3); // filter_chains
            s.Begin(1); // filter_chain_match
            Fields.UInt32Value(ref s, 8, port.Port);
            s.End();
            s.Begin(3); // filters
            s.Utf8(1, "envoy.filters.network.http_connection_manager"u8);
            Fields.BeginAny(ref s, 4, TypeUrlBytes.HttpConnectionManager);
            s.String(2, port.ClusterName);
            s.Begin(4); // route_config, inline
            RouteConfigEncoder.Write(ref s, port.Routes);
            s.End();
            if (inbound.HasDeny) Rbac(ref s, inbound.Deny, deny: true);
            if (inbound.HasAllow) Rbac(ref s, inbound.Allow, deny: false);
            s.Begin(5);
            s.Utf8(1, "envoy.filters.http.router"u8);
            Fields.EmptyAny(ref s, 4, TypeUrlBytes.Router);
            s.End();
            Fields.EndAny(ref s);
            s.End();
            if (port.Tls)
            {
                s.Begin(6); // transport_socket
                s.Utf8(1, "envoy.transport_sockets.tls"u8);
                Fields.BeginAny(ref s, 3, TypeUrlBytes.DownstreamTlsContext);
                s.Begin(1); // common_tls_context
                s.Begin(6);
                s.String(1, options.CertificateSecretName);
                Fields.AdsConfigSource(ref s, 2);
                s.End();
                s.Begin(8);
                s.Begin(1);
                s.End();
                s.Begin(2);
                s.String(1, options.RootCaSecretName);
                Fields.AdsConfigSource(ref s, 2);
                s.End();
                s.End();
                s.End();
                s.Begin(2); // require_client_certificate
                s.Bool(1, true);
                s.End();
                Fields.EndAny(ref s);
                s.End();
            }
            s.String(7, port.ClusterName);
            s.End();
        }
        s.Varint(16, 1); // traffic_direction: INBOUND
    }

    private static void Rbac<TSink>(ref TSink s, RbacPolicyPlan[] policies, bool deny) where TSink : IProtoSink, allows ref struct
    {
        s.Begin(5);
        s.String(1, RbacFilter);
        Fields.BeginAny(ref s, 4, TypeUrlBytes.Rbac);
        s.Begin(1); // rules
        s.Varint(1, deny ? 1UL : 0UL);
        foreach (var policy in policies)
        {
            s.Begin(2); // policies map entry
            s.StringAlways(1, policy.Name);
            s.Begin(2);
            s.Begin(1);
            Permission(ref s, policy);
            s.End();
            s.Begin(2);
            Principal(ref s, policy);
            s.End();
            s.End();
            s.End();
        }
        s.End();
        Fields.EndAny(ref s);
        s.End();
    }

    private static void Permission<TSink>(ref TSink s, RbacPolicyPlan policy) where TSink : IProtoSink, allows ref struct
    {
        var to = policy.To;
        var ports = to is null ? default : to.Ports.AsSpan();
        var methods = to is null ? default : to.Methods.AsSpan();
        var paths = policy.Paths;
        if (ports.IsEmpty && methods.IsEmpty && paths.Length == 0)
        {
            s.Bool(3, true); // any
            return;
        }
        s.Begin(1); // and_rules
        if (!ports.IsEmpty)
        {
            s.Begin(1);
            s.Begin(2); // or_rules
            foreach (var port in ports)
            {
                s.Begin(1);
                s.Varint(6, (ulong)Math.Max(0, port));
                s.End();
            }
            s.End();
            s.End();
        }
        if (!methods.IsEmpty)
        {
            s.Begin(1);
            s.Begin(2);
            foreach (var method in methods)
            {
                s.Begin(1);
                s.Begin(4); // header
                s.Utf8(1, ":method"u8);
                s.Begin(13);
                s.StringAlways(1, method);
                s.End();
                s.End();
                s.End();
            }
            s.End();
            s.End();
        }
        if (paths.Length > 0)
        {
            s.Begin(1);
            s.Begin(2);
            foreach (var (field, value) in paths)
            {
                s.Begin(1);
                s.Begin(10); // url_path
                s.Begin(1); // path
                s.StringAlways(field, value);
                s.End();
                s.End();
                s.End();
            }
            s.End();
            s.End();
        }
        s.End();
    }

    private static void Principal<TSink>(ref TSink s, RbacPolicyPlan policy) where TSink : IProtoSink, allows ref struct
    {
        if (policy.AnySource)
        {
            s.Bool(3, true); // any
            return;
        }
        s.Begin(2); // or_ids
        foreach (var principal in policy.ServiceAccountPrincipals)
        {
            s.Begin(1);
            s.Begin(4); // authenticated
            s.Begin(2);
            s.StringAlways(1, principal);
            s.End();
            s.End();
            s.End();
        }
        foreach (var prefix in policy.NamespacePrefixes)
        {
            s.Begin(1);
            s.Begin(4);
            s.Begin(2);
            s.StringAlways(2, prefix);
            s.End();
            s.End();
            s.End();
        }
        foreach (var (address, length) in policy.Cidrs)
        {
            s.Begin(1);
            s.Begin(10); // direct_remote_ip
            s.String(1, address);
            Fields.UInt32Value(ref s, 2, length);
            s.End();
            s.End();
        }
        if (policy.Unauthenticated)
        {
            s.Begin(1);
            s.Begin(8); // not_id
            s.Begin(4); // authenticated (any identity)
            s.End();
            s.End();
            s.End();
        }
        s.End();
    }
}

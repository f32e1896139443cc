using Mesh.Xds.EnvoyApi;
using Mesh.Xds.Planning;
using Mesh.Xds.Wire;

namespace Mesh.Xds.Encoders;

/// <summary>
/// Encodes the sidecar's <c>virtualInbound</c> listener: one filter chain per HTTP port of its own service
/// (matched on the original destination port), terminating mTLS when the workload's mode is strict, with an
/// HttpConnectionManager whose routes are inline (to the local <c>inbound|port||</c> cluster) and whose filters are
/// the RBAC deny filter, the RBAC allow filter (when access policies apply), the local rate limit (when a destination
/// policy of the workload sets one) and the router, last.
/// </summary>
internal static class InboundListenerEncoder
{
    private const string RbacFilter = "envoy.filters.http.rbac";

    public static void Write<TSink>(ref TSink s, ListenerPlan l, InboundPlan inbound, XdsEncoderOptions options) where TSink : IProtoSink, allows ref struct
    {
        s.String(ListenerFields.Name, l.Name);
        s.Begin(ListenerFields.Address);
        s.Begin(AddressFields.SocketAddress);
        s.Utf8(SocketAddressFields.Address, "0.0.0.0"u8);
        s.Varint(SocketAddressFields.PortValue, (ulong)l.Port);
        s.End();
        s.End();
        foreach (var port in inbound.Ports)
        {
            s.Begin(ListenerFields.FilterChains);
            s.Begin(FilterChainFields.FilterChainMatch);
            Fields.UInt32Value(ref s, FilterChainMatchFields.DestinationPort, port.Port);
            s.End();
            s.Begin(FilterChainFields.Filters);
            s.Utf8(FilterFields.Name, "envoy.filters.network.http_connection_manager"u8);
            Fields.BeginAny(ref s, FilterFields.TypedConfig, TypeUrlBytes.HttpConnectionManager);
            s.String(HttpConnectionManagerFields.StatPrefix, port.ClusterName);
            s.Begin(HttpConnectionManagerFields.RouteConfig);
            RouteConfigEncoder.Write(ref s, port.Routes);
            s.End();
            if (inbound.HasDeny) Rbac(ref s, inbound.Deny, deny: true);
            if (inbound.HasAllow) Rbac(ref s, inbound.Allow, deny: false);
            if (port.RateLimited)
            {
                // After RBAC, so that denied requests spend no tokens; before the router.
                s.Begin(HttpConnectionManagerFields.HttpFilters);
                s.Utf8(HttpFilterFields.Name, LocalRateLimitEncoder.FilterName);
                Fields.BeginAny(ref s, HttpFilterFields.TypedConfig, TypeUrlBytes.LocalRateLimit);
                LocalRateLimitEncoder.Write(ref s, port.RateLimit);
                Fields.EndAny(ref s);
                s.End();
            }
            s.Begin(HttpConnectionManagerFields.HttpFilters);
            s.Utf8(HttpFilterFields.Name, "envoy.filters.http.router"u8);
            Fields.EmptyAny(ref s, HttpFilterFields.TypedConfig, TypeUrlBytes.Router);
            s.End();
            TelemetryEncoder.Write(ref s, l.Telemetry);
            Fields.EndAny(ref s);
            s.End();
            if (port.Tls) TlsContextEncoder.Downstream(ref s, FilterChainFields.TransportSocket, options);
            s.String(FilterChainFields.Name, port.ClusterName);
            s.End();
        }
        s.Varint(ListenerFields.TrafficDirection, (ulong)TrafficDirection.Inbound);
    }

    private static void Rbac<TSink>(ref TSink s, RbacPolicyPlan[] policies, bool deny) where TSink : IProtoSink, allows ref struct
    {
        s.Begin(HttpConnectionManagerFields.HttpFilters);
        s.String(HttpFilterFields.Name, RbacFilter);
        Fields.BeginAny(ref s, HttpFilterFields.TypedConfig, TypeUrlBytes.Rbac);
        s.Begin(RbacFilterFields.Rules);
        s.Varint(RbacFields.Action, (ulong)(deny ? RbacAction.Deny : RbacAction.Allow));
        foreach (var policy in policies)
        {
            s.Begin(RbacFields.Policies);
            s.StringAlways(MapEntryFields.Key, policy.Name);
            s.Begin(MapEntryFields.Value);
            s.Begin(PolicyFields.Permissions);
            Permission(ref s, policy);
            s.End();
            s.Begin(PolicyFields.Principals);
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
            s.Bool(PermissionFields.Any, true);
            return;
        }
        s.Begin(PermissionFields.AndRules);
        if (!ports.IsEmpty)
        {
            s.Begin(PermissionSetFields.Rules);
            s.Begin(PermissionFields.OrRules);
            foreach (var port in ports)
            {
                s.Begin(PermissionSetFields.Rules);
                s.Varint(PermissionFields.DestinationPort, (ulong)Math.Max(0, port));
                s.End();
            }
            s.End();
            s.End();
        }
        if (!methods.IsEmpty)
        {
            s.Begin(PermissionSetFields.Rules);
            s.Begin(PermissionFields.OrRules);
            foreach (var method in methods)
            {
                s.Begin(PermissionSetFields.Rules);
                s.Begin(PermissionFields.Header);
                s.Utf8(HeaderMatcherFields.Name, ":method"u8);
                s.Begin(HeaderMatcherFields.StringMatch);
                s.StringAlways(StringMatcherFields.Exact, method);
                s.End();
                s.End();
                s.End();
            }
            s.End();
            s.End();
        }
        if (paths.Length > 0)
        {
            s.Begin(PermissionSetFields.Rules);
            s.Begin(PermissionFields.OrRules);
            foreach (var (field, value) in paths)
            {
                s.Begin(PermissionSetFields.Rules);
                s.Begin(PermissionFields.UrlPath);
                s.Begin(PathMatcherFields.Path);
                s.StringAlways(field, value); // a StringMatcher field: exact, prefix or suffix
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
            s.Bool(PrincipalFields.Any, true);
            return;
        }
        s.Begin(PrincipalFields.OrIds);
        foreach (var principal in policy.ServiceAccountPrincipals)
        {
            s.Begin(PrincipalSetFields.Ids);
            s.Begin(PrincipalFields.Authenticated);
            s.Begin(AuthenticatedFields.PrincipalName);
            s.StringAlways(StringMatcherFields.Exact, principal);
            s.End();
            s.End();
            s.End();
        }
        foreach (var prefix in policy.NamespacePrefixes)
        {
            s.Begin(PrincipalSetFields.Ids);
            s.Begin(PrincipalFields.Authenticated);
            s.Begin(AuthenticatedFields.PrincipalName);
            s.StringAlways(StringMatcherFields.Prefix, prefix);
            s.End();
            s.End();
            s.End();
        }
        foreach (var (address, length) in policy.Cidrs)
        {
            s.Begin(PrincipalSetFields.Ids);
            s.Begin(PrincipalFields.DirectRemoteIp);
            s.String(CidrRangeFields.AddressPrefix, address);
            Fields.UInt32Value(ref s, CidrRangeFields.PrefixLen, length);
            s.End();
            s.End();
        }
        if (policy.Unauthenticated)
        {
            s.Begin(PrincipalSetFields.Ids);
            s.Begin(PrincipalFields.NotId);
            s.Begin(PrincipalFields.Authenticated); // any authenticated identity
            s.End();
            s.End();
            s.End();
        }
        s.End();
    }
}

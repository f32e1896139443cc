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
            ConnectionManagerEncoder.InboundHttpFilters(ref s, inbound, port);
            TelemetryEncoder.Write(ref s, l.Telemetry);
            Fields.EndAny(ref s);
            s.End();
            if (port.Tls) TlsContextEncoder.Downstream(ref s, FilterChainFields.TransportSocket, options);
            s.String(FilterChainFields.Name, port.ClusterName);
            s.End();
        }
        s.Varint(ListenerFields.TrafficDirection, (ulong)TrafficDirection.Inbound);
    }

    /// <summary>One RBAC HTTP filter with <paramref name="action"/> and its policies, as an <c>http_filters</c> entry.</summary>
    public static void Rbac<TSink>(ref TSink s, RbacPolicyPlan[] policies, RbacAction action) where TSink : IProtoSink, allows ref struct
    {
        s.Begin(HttpConnectionManagerFields.HttpFilters);
        s.String(HttpFilterFields.Name, RbacFilter);
        Fields.BeginAny(ref s, HttpFilterFields.TypedConfig, TypeUrlBytes.Rbac);
        s.Begin(RbacFilterFields.Rules);
        s.Varint(RbacFields.Action, (ulong)action);
        foreach (var policy in policies)
        {
            s.Begin(RbacFields.Policies);
            s.StringAlways(MapEntryFields.Key, policy.Name);
            s.Begin(MapEntryFields.Value);
            s.Begin(PolicyFields.Permissions);
            Permission(ref s, policy.Permission);
            s.End();
            s.Begin(PolicyFields.Principals);
            Principal(ref s, policy.Principal);
            s.End();
            s.End();
            s.End();
        }
        s.End();
        Fields.EndAny(ref s);
        s.End();
    }

    private static void Permission<TSink>(ref TSink s, RbacPermission permission) where TSink : IProtoSink, allows ref struct
    {
        switch (permission)
        {
            case RbacPermission.And and:
                s.Begin(PermissionFields.AndRules);
                foreach (var rule in and.Rules) PermissionItem(ref s, rule);
                s.End();
                break;
            case RbacPermission.Or or:
                s.Begin(PermissionFields.OrRules);
                foreach (var rule in or.Rules) PermissionItem(ref s, rule);
                s.End();
                break;
            case RbacPermission.Not not:
                s.Begin(PermissionFields.NotRule);
                Permission(ref s, not.Rule);
                s.End();
                break;
            case RbacPermission.Header header:
                s.Begin(PermissionFields.Header);
                Header(ref s, header.Name, header.Match);
                s.End();
                break;
            case RbacPermission.DestinationPort port:
                s.Varint(PermissionFields.DestinationPort, (ulong)Math.Max(0, port.Port));
                break;
            case RbacPermission.DestinationIp ip:
                s.Begin(PermissionFields.DestinationIp);
                Cidr(ref s, ip.Address, ip.Length);
                s.End();
                break;
            case RbacPermission.UrlPath path:
                s.Begin(PermissionFields.UrlPath);
                s.Begin(PathMatcherFields.Path);
                Match(ref s, path.Match);
                s.End();
                s.End();
                break;
            case RbacPermission.ServerName name:
                s.Begin(PermissionFields.RequestedServerName);
                Match(ref s, name.Match);
                s.End();
                break;
            default:
                s.Bool(PermissionFields.Any, true);
                break;
        }
    }

    private static void PermissionItem<TSink>(ref TSink s, RbacPermission rule) where TSink : IProtoSink, allows ref struct
    {
        s.Begin(PermissionSetFields.Rules);
        Permission(ref s, rule);
        s.End();
    }

    private static void Principal<TSink>(ref TSink s, RbacPrincipal principal) where TSink : IProtoSink, allows ref struct
    {
        switch (principal)
        {
            case RbacPrincipal.And and:
                s.Begin(PrincipalFields.AndIds);
                foreach (var id in and.Ids) PrincipalItem(ref s, id);
                s.End();
                break;
            case RbacPrincipal.Or or:
                s.Begin(PrincipalFields.OrIds);
                foreach (var id in or.Ids) PrincipalItem(ref s, id);
                s.End();
                break;
            case RbacPrincipal.Not not:
                s.Begin(PrincipalFields.NotId);
                Principal(ref s, not.Id);
                s.End();
                break;
            case RbacPrincipal.Authenticated authenticated:
                s.Begin(PrincipalFields.Authenticated); // without a name: any authenticated identity
                if (authenticated.Name is { } name)
                {
                    s.Begin(AuthenticatedFields.PrincipalName);
                    Match(ref s, name);
                    s.End();
                }
                s.End();
                break;
            case RbacPrincipal.DirectRemoteIp ip:
                s.Begin(PrincipalFields.DirectRemoteIp);
                Cidr(ref s, ip.Address, ip.Length);
                s.End();
                break;
            case RbacPrincipal.RemoteIp ip:
                s.Begin(PrincipalFields.RemoteIp);
                Cidr(ref s, ip.Address, ip.Length);
                s.End();
                break;
            case RbacPrincipal.Metadata metadata:
                s.Begin(PrincipalFields.Metadata);
                s.String(MetadataMatcherFields.Filter, JwtPlan.FilterName);
                foreach (var key in metadata.Path)
                {
                    s.Begin(MetadataMatcherFields.Path);
                    s.String(PathSegmentFields.Key, key);
                    s.End();
                }
                s.Begin(MetadataMatcherFields.Value);
                if (metadata.Match is not { } match) s.Bool(ValueMatcherFields.PresentMatch, true);
                else if (metadata.List)
                {
                    s.Begin(ValueMatcherFields.ListMatch);
                    s.Begin(ListMatcherFields.OneOf);
                    s.Begin(ValueMatcherFields.StringMatch);
                    Match(ref s, match);
                    s.End();
                    s.End();
                    s.End();
                }
                else
                {
                    s.Begin(ValueMatcherFields.StringMatch);
                    Match(ref s, match);
                    s.End();
                }
                s.End();
                s.End();
                break;
            default:
                s.Bool(PrincipalFields.Any, true);
                break;
        }
    }

    private static void PrincipalItem<TSink>(ref TSink s, RbacPrincipal id) where TSink : IProtoSink, allows ref struct
    {
        s.Begin(PrincipalSetFields.Ids);
        Principal(ref s, id);
        s.End();
    }

    private static void Header<TSink>(ref TSink s, string name, StringMatch? match) where TSink : IProtoSink, allows ref struct
    {
        s.String(HeaderMatcherFields.Name, name);
        if (match is { } m)
        {
            s.Begin(HeaderMatcherFields.StringMatch);
            Match(ref s, m);
            s.End();
        }
        else s.Bool(HeaderMatcherFields.PresentMatch, true);
    }

    /// <summary>The fields of a StringMatcher: exact, prefix or suffix text, or a safe regex.</summary>
    private static void Match<TSink>(ref TSink s, StringMatch match) where TSink : IProtoSink, allows ref struct
    {
        if (match.Field == StringMatcherFields.SafeRegex)
        {
            s.Begin(StringMatcherFields.SafeRegex);
            s.String(RegexMatcherFields.Regex, match.Value);
            s.End();
        }
        else s.StringAlways(match.Field, match.Value);
    }

    private static void Cidr<TSink>(ref TSink s, string address, int length) where TSink : IProtoSink, allows ref struct
    {
        s.String(CidrRangeFields.AddressPrefix, address);
        Fields.UInt32Value(ref s, CidrRangeFields.PrefixLen, length);
    }
}

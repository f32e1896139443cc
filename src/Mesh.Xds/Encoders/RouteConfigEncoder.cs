using Mesh.Model;
using Mesh.Xds.EnvoyApi;
using Mesh.Xds.Planning;
using Mesh.Xds.Wire;

namespace Mesh.Xds.Encoders;

/// <summary>Encodes <c>envoy.config.route.v3.RouteConfiguration</c> with its virtual hosts and routes.</summary>
internal readonly struct RouteConfigEncoder(RouteConfigPlan config) : IMessageEncoder
{
    private const string FullPathPattern = "^/.*$";

    public void Encode<TSink>(ref TSink s) where TSink : IProtoSink, allows ref struct => Write(ref s, config);

    public static void Write<TSink>(ref TSink s, RouteConfigPlan config) where TSink : IProtoSink, allows ref struct
    {
        s.Utf8(RouteConfigurationFields.Name, config.NameUtf8);
        foreach (var host in config.VirtualHosts) VirtualHost(ref s, host);
    }

    /// <summary>One virtual host as field 2 (<c>virtual_hosts</c>) of its RouteConfiguration.</summary>
    public static void VirtualHost<TSink>(ref TSink s, VirtualHostPlan host) where TSink : IProtoSink, allows ref struct
    {
        s.Begin(RouteConfigurationFields.VirtualHosts);
        s.Utf8(VirtualHostFields.Name, host.NameUtf8);
        foreach (var domain in host.DomainsUtf8) s.Utf8(VirtualHostFields.Domains, domain);
        foreach (var route in host.Routes)
        {
            s.Begin(VirtualHostFields.Routes);
            Route(ref s, route);
            s.End();
        }
        if (host.RequireTls) s.Varint(VirtualHostFields.RequireTls, (ulong)TlsRequirementType.All);
        s.End();
    }

    private static void Route<TSink>(ref TSink s, RoutePlan route) where TSink : IProtoSink, allows ref struct
    {
        s.Begin(RouteFields.Match);
        Match(ref s, route.Match);
        s.End();
        var rule = route.Rule;
        if (rule?.Redirect is { } redirect)
        {
            s.Begin(RouteFields.Redirect);
            s.String(RedirectActionFields.HostRedirect, redirect.Host);
            s.String(RedirectActionFields.PathRedirect, redirect.Path);
            s.Varint(RedirectActionFields.ResponseCode, (ulong)route.RedirectCode);
            s.String(RedirectActionFields.PrefixRewrite, redirect.PathPrefix);
            s.String(RedirectActionFields.SchemeRedirect, redirect.Scheme);
            s.Varint(RedirectActionFields.PortRedirect, (ulong)(redirect.Port ?? 0));
            s.End();
        }
        else if (route.DirectStatus > 0)
        {
            s.Begin(RouteFields.DirectResponse);
            s.Varint(DirectResponseActionFields.Status, (ulong)route.DirectStatus);
            s.End();
        }
        else
        {
            s.Begin(RouteFields.Route);
            Action(ref s, route);
            s.End();
        }
        foreach (var (key, value) in route.RequestSet) Header(ref s, RouteFields.RequestHeadersToAdd, key, value, overwrite: true);
        foreach (var (key, value) in route.RequestAdd) Header(ref s, RouteFields.RequestHeadersToAdd, key, value, overwrite: false);
        foreach (var (key, value) in route.ResponseSet) Header(ref s, RouteFields.ResponseHeadersToAdd, key, value, overwrite: true);
        foreach (var (key, value) in route.ResponseAdd) Header(ref s, RouteFields.ResponseHeadersToAdd, key, value, overwrite: false);
        if (rule?.ResponseHeaders is { } response)
        {
            foreach (var name in response.Remove) s.StringAlways(RouteFields.ResponseHeadersToRemove, name);
        }
        if (rule?.RequestHeaders is { } request)
        {
            foreach (var name in request.Remove) s.StringAlways(RouteFields.RequestHeadersToRemove, name);
        }
        if (rule?.Fault is { } fault && (fault.Delay is not null || fault.Abort is not null))
        {
            s.Begin(RouteFields.TypedPerFilterConfig);
            s.Utf8(MapEntryFields.Key, "envoy.filters.http.fault"u8);
            Fields.BeginAny(ref s, MapEntryFields.Value, TypeUrlBytes.HttpFault);
            if (fault.Delay is { } delay)
            {
                s.Begin(HttpFaultFields.Delay);
                Fields.Duration(ref s, FaultDelayFields.FixedDelay, delay.Duration);
                Fields.Percent(ref s, FaultDelayFields.Percentage, delay.Percentage);
                s.End();
            }
            if (fault.Abort is { } abort)
            {
                s.Begin(HttpFaultFields.Abort);
                s.Varint(FaultAbortFields.HttpStatus, (ulong)Math.Max(0, abort.HttpStatus));
                Fields.Percent(ref s, FaultAbortFields.Percentage, abort.Percentage);
                s.End();
            }
            Fields.EndAny(ref s);
            s.End();
        }
        if (route.RateLimit is { } limit)
        {
            s.Begin(RouteFields.TypedPerFilterConfig);
            s.Utf8(MapEntryFields.Key, LocalRateLimitEncoder.FilterName);
            Fields.BeginAny(ref s, MapEntryFields.Value, TypeUrlBytes.LocalRateLimit);
            LocalRateLimitEncoder.Write(ref s, limit);
            Fields.EndAny(ref s);
            s.End();
        }
        s.Utf8(RouteFields.Name, route.NameUtf8);
    }

    private static void Match<TSink>(ref TSink s, HttpMatch? match) where TSink : IProtoSink, allows ref struct
    {
        switch (match?.Path)
        {
            case null:
                s.Utf8(RouteMatchFields.Prefix, "/"u8);
                break;
            case { Kind: PathMatchKind.Prefix } p:
                s.StringAlways(RouteMatchFields.Prefix, p.Value);
                break;
            case { Kind: PathMatchKind.Exact } p:
                s.StringAlways(RouteMatchFields.Path, p.Value);
                break;
            case { Kind: PathMatchKind.Regex, Value: null or "" }:
                // An empty pattern matches every path; Envoy rejects empty regexes.
                s.Utf8(RouteMatchFields.Prefix, "/"u8);
                break;
            case { Kind: PathMatchKind.Regex } p:
                s.Begin(RouteMatchFields.SafeRegex);
                s.String(RegexMatcherFields.Regex, p.Value);
                s.End();
                break;
        }
        if (match is null) return;
        if (match.Method is { } method)
        {
            s.Begin(RouteMatchFields.Headers);
            s.Utf8(HeaderMatcherFields.Name, ":method"u8);
            s.Begin(HeaderMatcherFields.StringMatch);
            s.StringAlways(StringMatcherFields.Exact, method);
            s.End();
            s.End();
        }
        foreach (var header in match.Headers)
        {
            s.Begin(RouteMatchFields.Headers);
            s.String(HeaderMatcherFields.Name, header.Name);
            if (header.Kind is ValueMatchKind.Present or ValueMatchKind.Absent || MatchesAnyValue(header))
            {
                s.Bool(HeaderMatcherFields.PresentMatch, true);
                s.Bool(HeaderMatcherFields.InvertMatch, header.Kind == ValueMatchKind.Absent);
            }
            else
            {
                StringMatcher(ref s, HeaderMatcherFields.StringMatch, header.Kind, header.Value ?? string.Empty);
            }
            s.End();
        }
        foreach (var query in match.QueryParams)
        {
            if (query.Kind == ValueMatchKind.Absent) continue; // reported by the planner
            s.Begin(RouteMatchFields.QueryParameters);
            s.String(QueryParameterMatcherFields.Name, query.Name);
            if (query.Kind == ValueMatchKind.Present || MatchesAnyValue(query)) s.Bool(QueryParameterMatcherFields.PresentMatch, true);
            else StringMatcher(ref s, QueryParameterMatcherFields.StringMatch, query.Kind, query.Value ?? string.Empty);
            s.End();
        }
    }

    /// <summary>
    /// An empty prefix or regex matches any value of a present header or parameter; Envoy rejects both as empty
    /// (minimum length 1), so they are encoded as "present".
    /// </summary>
    public static bool MatchesAnyValue(ValueMatch match) => match.Kind is ValueMatchKind.Prefix or ValueMatchKind.Regex && string.IsNullOrEmpty(match.Value);

    private static void StringMatcher<TSink>(ref TSink s, int field, ValueMatchKind kind, string value) where TSink : IProtoSink, allows ref struct
    {
        s.Begin(field);
        switch (kind)
        {
            case ValueMatchKind.Exact:
                s.StringAlways(StringMatcherFields.Exact, value);
                break;
            case ValueMatchKind.Prefix:
                s.StringAlways(StringMatcherFields.Prefix, value);
                break;
            default:
                s.Begin(StringMatcherFields.SafeRegex);
                s.String(RegexMatcherFields.Regex, value);
                s.End();
                break;
        }
        s.End();
    }

    private static void Action<TSink>(ref TSink s, RoutePlan route) where TSink : IProtoSink, allows ref struct
    {
        var rule = route.Rule;
        if (route.Backends.Length == 1)
        {
            s.Utf8(RouteActionFields.Cluster, route.Backends[0].ClusterUtf8);
        }
        else if (route.Backends.Length > 1)
        {
            s.Begin(RouteActionFields.WeightedClusters);
            foreach (var backend in route.Backends)
            {
                s.Begin(WeightedClusterFields.Clusters);
                s.Utf8(ClusterWeightFields.Name, backend.ClusterUtf8);
                Fields.UInt32Value(ref s, ClusterWeightFields.Weight, backend.Weight);
                s.End();
            }
            s.End();
        }
        if (rule?.Rewrite is { } rewrite)
        {
            s.String(RouteActionFields.PrefixRewrite, rewrite.PathPrefix);
            s.String(RouteActionFields.HostRewriteLiteral, rewrite.Authority);
        }
        Fields.Duration(ref s, RouteActionFields.Timeout, rule?.Timeout);
        if (route.TimeoutAsStreamDuration && rule?.Timeout is { } timeout)
        {
            s.Begin(RouteActionFields.MaxStreamDuration);
            Fields.Duration(ref s, MaxStreamDurationFields.MaxStreamDuration, timeout);
            s.End();
        }
        if (rule?.Retry is { } retry)
        {
            s.Begin(RouteActionFields.RetryPolicy);
            if (route.RetryOnUtf8 is { } retryOn) s.Utf8(RetryPolicyFields.RetryOn, retryOn);
            Fields.UInt32Value(ref s, RetryPolicyFields.NumRetries, retry.Attempts);
            Fields.Duration(ref s, RetryPolicyFields.PerTryTimeout, retry.PerTryTimeout);
            s.PackedUInt32(RetryPolicyFields.RetriableStatusCodes, route.RetriableStatusCodes);
            if (retry.Backoff is { } backoff)
            {
                s.Begin(RetryPolicyFields.RetryBackOff);
                Fields.Duration(ref s, RetryBackOffFields.BaseInterval, backoff.BaseInterval);
                Fields.Duration(ref s, RetryBackOffFields.MaxInterval, backoff.MaxInterval);
                s.End();
            }
            s.End();
        }
        if (route.HashOn is { } hash)
        {
            s.Begin(RouteActionFields.HashPolicy);
            switch (hash.Key)
            {
                case HashKey.Header:
                    s.Begin(HashPolicyFields.Header);
                    s.String(HashPolicyHeaderFields.HeaderName, hash.Name);
                    s.End();
                    break;
                case HashKey.Cookie:
                    s.Begin(HashPolicyFields.Cookie);
                    s.String(HashPolicyCookieFields.Name, hash.Name);
                    // A ttl makes Envoy set the cookie when the request has none (zero: a session cookie).
                    Fields.Duration(ref s, HashPolicyCookieFields.Ttl, hash.CookieTtl);
                    s.String(HashPolicyCookieFields.Path, hash.CookiePath);
                    s.End();
                    break;
                case HashKey.SourceIp:
                    s.Begin(HashPolicyFields.ConnectionProperties);
                    s.Bool(HashPolicyConnectionPropertiesFields.SourceIp, true);
                    s.End();
                    break;
                case HashKey.QueryParameter:
                    s.Begin(HashPolicyFields.QueryParameter);
                    s.String(HashPolicyQueryParameterFields.Name, hash.Name);
                    s.End();
                    break;
            }
            s.End();
        }
        if (route.MirrorCluster is { } mirror)
        {
            s.Begin(RouteActionFields.RequestMirrorPolicies);
            s.String(RequestMirrorPolicyFields.Cluster, mirror);
            var percentage = rule!.Mirror!.Percentage;
            if (percentage < 100m)
            {
                s.Begin(RequestMirrorPolicyFields.RuntimeFraction);
                Fields.Percent(ref s, RuntimeFractionalPercentFields.DefaultValue, percentage);
                s.End();
            }
            s.End();
        }
        if (rule?.Rewrite?.FullPath is { } fullPath)
        {
            s.Begin(RouteActionFields.RegexRewrite);
            s.Begin(RegexMatchAndSubstituteFields.Pattern);
            s.String(RegexMatcherFields.Regex, FullPathPattern);
            s.End();
            s.StringAlways(RegexMatchAndSubstituteFields.Substitution, fullPath);
            s.End();
        }
    }

    private static void Header<TSink>(ref TSink s, int field, string key, string value, bool overwrite) where TSink : IProtoSink, allows ref struct
    {
        s.Begin(field);
        s.Begin(HeaderValueOptionFields.Header);
        s.String(HeaderValueFields.Key, key);
        s.String(HeaderValueFields.Value, value);
        s.End();
        s.Varint(HeaderValueOptionFields.AppendAction, (ulong)(overwrite ? HeaderAppendAction.OverwriteIfExistsOrAdd : HeaderAppendAction.AppendIfExistsOrAdd));
        s.End();
    }
}

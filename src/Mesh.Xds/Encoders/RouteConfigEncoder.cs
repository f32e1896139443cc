using Mesh.Model;
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
        s.Utf8(1, config.NameUtf8);
        foreach (var host in config.VirtualHosts) VirtualHost(ref s, host);
    }

    /// <summary>One virtual host as field 2 of its RouteConfiguration.</summary>
    public static void VirtualHost<TSink>(ref TSink s, VirtualHostPlan host) where TSink : IProtoSink, allows ref struct
    {
        s.Begin(2);
        s.Utf8(1, host.NameUtf8);
        foreach (var domain in host.DomainsUtf8) s.Utf8(2, domain);
        foreach (var route in host.Routes)
        {
            s.Begin(3);
            Route(ref s, route);
            s.End();
        }
        s.End();
    }

    private static void Route<TSink>(ref TSink s, RoutePlan route) where TSink : IProtoSink, allows ref struct
    {
        s.Begin(1);
        Match(ref s, route.Match);
        s.End();
        var rule = route.Rule;
        if (rule?.Redirect is { } redirect)
        {
            s.Begin(3);
            s.String(1, redirect.Host);
            s.String(2, redirect.Path);
            s.Varint(3, (ulong)route.RedirectCode);
            s.String(5, redirect.PathPrefix);
            s.String(7, redirect.Scheme);
            s.Varint(8, (ulong)(redirect.Port ?? 0));
            s.End();
        }
        else
        {
            s.Begin(2);
            Action(ref s, route);
            s.End();
        }
        foreach (var (key, value) in route.RequestSet) Header(ref s, 9, key, value, overwrite: true);
        foreach (var (key, value) in route.RequestAdd) Header(ref s, 9, key, value, overwrite: false);
        foreach (var (key, value) in route.ResponseSet) Header(ref s, 10, key, value, overwrite: true);
        foreach (var (key, value) in route.ResponseAdd) Header(ref s, 10, key, value, overwrite: false);
        if (rule?.ResponseHeaders is { } response)
        {
            foreach (var name in response.Remove) s.StringAlways(11, name);
        }
        if (rule?.RequestHeaders is { } request)
        {
            foreach (var name in request.Remove) s.StringAlways(12, name);
        }
        if (rule?.Fault is { } fault && (fault.Delay is not null || fault.Abort is not null))
        {
            s.Begin(13); // typed_per_filter_config entry
            s.Utf8(1, "envoy.filters.http.fault"u8);
            Fields.BeginAny(ref s, 2, TypeUrlBytes.HttpFault);
            if (fault.Delay is { } delay)
            {
                s.Begin(1);
                Fields.Duration(ref s, 3, delay.Duration);
                Fields.Percent(ref s, 4, delay.Percentage);
                s.End();
            }
            if (fault.Abort is { } abort)
            {
                s.Begin(2);
                s.Varint(2, (ulong)Math.Max(0, abort.HttpStatus));
                Fields.Percent(ref s, 3, abort.Percentage);
                s.End();
            }
            Fields.EndAny(ref s);
            s.End();
        }
        s.Utf8(14, route.NameUtf8);
    }

    private static void Match<TSink>(ref TSink s, HttpMatch? match) where TSink : IProtoSink, allows ref struct
    {
        switch (match?.Path)
        {
            case null:
                s.Utf8(1, "/"u8);
                break;
            case { Kind: PathMatchKind.Prefix } p:
                s.StringAlways(1, p.Value);
                break;
            case { Kind: PathMatchKind.Exact } p:
                s.StringAlways(2, p.Value);
                break;
            case { Kind: PathMatchKind.Regex, Value: null or "" }:
                // An empty pattern matches every path; Envoy rejects empty regexes.
                s.Utf8(1, "/"u8);
                break;
            case { Kind: PathMatchKind.Regex } p:
                s.Begin(10);
                s.String(2, p.Value);
                s.End();
                break;
        }
        if (match is null) return;
        if (match.Method is { } method)
        {
            s.Begin(6);
            s.Utf8(1, ":method"u8);
            s.Begin(13);
            s.StringAlways(1, method);
            s.End();
            s.End();
        }
        foreach (var header in match.Headers)
        {
            s.Begin(6);
            s.String(1, header.Name);
            if (header.Kind is ValueMatchKind.Present or ValueMatchKind.Absent || MatchesAnyValue(header))
            {
                s.Bool(7, true);
                s.Bool(8, header.Kind == ValueMatchKind.Absent);
            }
            else
            {
                StringMatcher(ref s, 13, header.Kind, header.Value ?? string.Empty);
            }
            s.End();
        }
        foreach (var query in match.QueryParams)
        {
            if (query.Kind == ValueMatchKind.Absent) continue; // reported by the planner
            s.Begin(7);
            s.String(1, query.Name);
            if (query.Kind == ValueMatchKind.Present || MatchesAnyValue(query)) s.Bool(6, true);
            else StringMatcher(ref s, 5, query.Kind, query.Value ?? string.Empty);
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
                s.StringAlways(1, value);
                break;
            case ValueMatchKind.Prefix:
                s.StringAlways(2, value);
                break;
            default:
                s.Begin(5);
                s.String(2, value);
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
            s.Utf8(1, route.Backends[0].ClusterUtf8);
        }
        else if (route.Backends.Length > 1)
        {
            s.Begin(3);
            foreach (var backend in route.Backends)
            {
                s.Begin(1);
                s.Utf8(1, backend.ClusterUtf8);
                Fields.UInt32Value(ref s, 2, backend.Weight);
                s.End();
            }
            s.End();
        }
        if (rule?.Rewrite is { } rewrite)
        {
            s.String(5, rewrite.PathPrefix);
            s.String(6, rewrite.Authority);
        }
        Fields.Duration(ref s, 8, rule?.Timeout);
        if (rule?.Retry is { } retry)
        {
            s.Begin(9);
            if (route.RetryOnUtf8 is { } retryOn) s.Utf8(1, retryOn);
            Fields.UInt32Value(ref s, 2, retry.Attempts);
            Fields.Duration(ref s, 3, retry.PerTryTimeout);
            s.PackedUInt32(7, retry.StatusCodes.AsSpan());
            if (retry.Backoff is { } backoff)
            {
                s.Begin(8);
                Fields.Duration(ref s, 1, backoff.BaseInterval);
                Fields.Duration(ref s, 2, backoff.MaxInterval);
                s.End();
            }
            s.End();
        }
        if (route.HashOn is { } hash)
        {
            s.Begin(15);
            switch (hash.Key)
            {
                case HashKey.Header:
                    s.Begin(1);
                    s.String(1, hash.Name);
                    s.End();
                    break;
                case HashKey.Cookie:
                    s.Begin(2);
                    s.String(1, hash.Name);
                    s.End();
                    break;
                case HashKey.SourceIp:
                    s.Begin(3);
                    s.Bool(1, true);
                    s.End();
                    break;
                case HashKey.QueryParameter:
                    s.Begin(5);
                    s.String(1, hash.Name);
                    s.End();
                    break;
            }
            s.End();
        }
        if (route.MirrorCluster is { } mirror)
        {
            s.Begin(30);
            s.String(1, mirror);
            var percentage = rule!.Mirror!.Percentage;
            if (percentage < 100m)
            {
                s.Begin(3);
                Fields.Percent(ref s, 1, percentage);
                s.End();
            }
            s.End();
        }
        if (rule?.Rewrite?.FullPath is { } fullPath)
        {
            s.Begin(32);
            s.Begin(1);
            s.String(2, FullPathPattern);
            s.End();
            s.StringAlways(2, fullPath);
            s.End();
        }
    }

    private static void Header<TSink>(ref TSink s, int field, string key, string value, bool overwrite) where TSink : IProtoSink, allows ref struct
    {
        s.Begin(field);
        s.Begin(1);
        s.String(1, key);
        s.String(2, value);
        s.End();
        s.Varint(3, overwrite ? 2UL : 0UL);
        s.End();
    }
}

using Mesh.Kubernetes;
using System.Globalization;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Mapping;
using Mesh.Providers.GatewayApi.Resources;
using Model = Mesh.Model;
using HttpRouteRule = Mesh.Model.HttpRouteRule;
using HttpMatch = Mesh.Model.HttpMatch;

namespace Mesh.Providers.GatewayApi.Export;

/// <summary>A model route → an <c>HTTPRoute</c>, or a <c>GRPCRoute</c> when its host speaks only gRPC and every rule fits.</summary>
public static class RouteExporter
{
    /// <summary>The methods of the CRD's method enum.</summary>
    public static readonly HashSet<string> Methods = new(StringComparer.Ordinal) { "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH" };

    /// <summary>The redirect status codes of the CRD's enum.</summary>
    public static readonly int[] RedirectCodes = [301, 302, 303, 307, 308];

    /// <summary>
    /// Writes <paramref name="route"/> as an <c>HTTPRoute</c>, or as a <c>GRPCRoute</c> when its host speaks only gRPC, its rules fit
    /// and the options allow it; what the route's <see cref="RouteExportContext.Dialect"/> cannot express is reported to <paramref name="ctx"/>.
    /// </summary>
    /// <param name="route">The model route.</param>
    /// <param name="path">Its JSON path in the model (<c>$.spec.routes[i]</c>).</param>
    /// <param name="ctx">The translation's context.</param>
    /// <returns>A <see cref="Resources.HttpRoute"/> or a <see cref="Resources.GrpcRoute"/>.</returns>
    public static object Route(Model.HttpRoute route, string path, RouteExportContext ctx)
    {
        var host = ctx.FindService(route.Host);
        var metadata = new k8s.Models.V1ObjectMeta { Name = route.Name, NamespaceProperty = route.Namespace };
        if (ctx.Options.EmitGrpcRoutes && IsGrpc(route, host, ctx.Dialect))
        {
            return new GrpcRoute
            {
                Metadata = metadata,
                Spec = new GrpcRouteSpec
                {
                    ParentRefs = Parents(route, host, grpc: true),
                    Rules = Rules(route, path, ctx, GrpcRule),
                },
            };
        }
        return new Resources.HttpRoute
        {
            Metadata = metadata,
            Spec = new HttpRouteSpec
            {
                ParentRefs = Parents(route, host, grpc: false),
                Rules = Rules(route, path, ctx, HttpRule),
            },
        };
    }

    private static List<T>? Rules<T>(Model.HttpRoute route, string path, RouteExportContext ctx, Func<HttpRouteRule, ServiceRef, string, RulePath, RouteExportContext, T> rule)
    {
        if (route.Rules.IsEmpty) return null;
        var result = new List<T>(route.Rules.Count);
        for (var k = 0; k < route.Rules.Count; k++) result.Add(rule(route.Rules[k], route.Host, route.Namespace, new RulePath(path, k), ctx));
        return result;
    }

    /// <summary>
    /// Whether the rule's one backend is the route's own host on the requested port (no port, no subset): written without
    /// backendRefs, the mesh form for "the parent Service's own endpoints" (GEP-1426), which also needs no port.
    /// </summary>
    private static bool IsParentBackend(HttpRouteRule rule, ServiceRef host) =>
        rule.Backends.Count == 1 && rule.Backends[0] is { Port: null, Subset: null } only && only.Service == host;

    /// <summary>Whether <paramref name="route"/> is written as a GRPCRoute: its host's ports are all gRPC and every rule is expressible there.</summary>
    public static bool IsGrpc(Model.HttpRoute route, MeshService? host, RouteDialect? dialect = null)
    {
        if (host is not { Ports.IsEmpty: false }) return false;
        foreach (var port in host.Ports)
        {
            if (port.Protocol != Protocol.Grpc) return false;
        }
        foreach (var rule in route.Rules)
        {
            if (!GrpcExpressible(rule, dialect ?? RouteDialect.GatewayApi)) return false;
        }
        return true;
    }

    /// <summary>The service ports a route's parentRefs name: the host's HTTP-family ports (gRPC only for a GRPCRoute).</summary>
    public static List<int> ParentPorts(MeshService? host, bool grpc)
    {
        var ports = new List<int>(host?.Ports.Count ?? 0);
        if (host is null) return ports;
        foreach (var p in host.Ports)
        {
            if (grpc ? p.Protocol == Protocol.Grpc : p.Protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc) ports.Add(p.Port);
        }
        ports.Sort();
        return ports;
    }

    private static List<ParentReference> Parents(Model.HttpRoute route, MeshService? host, bool grpc)
    {
        var ns = route.Host.Namespace == route.Namespace ? null : route.Host.Namespace;
        var ports = ParentPorts(host, grpc);
        if (ports.Count == 0) return [new ParentReference { Group = string.Empty, Kind = "Service", Namespace = ns, Name = route.Host.Name }];
        var result = new List<ParentReference>(ports.Count);
        foreach (var p in ports) result.Add(new ParentReference { Group = string.Empty, Kind = "Service", Namespace = ns, Name = route.Host.Name, Port = p });
        return result;
    }

    private static bool GrpcExpressible(HttpRouteRule rule, RouteDialect dialect) =>
        rule.Timeout is null && rule.Redirect is null && rule.Rewrite is null && rule.Cors is null
        && (rule.Retry is null || dialect.RetriesElsewhere) && rule.Fault is null
        && (rule.Mirror is null || dialect.Mirror) && (rule.ResponseHeaders is null || dialect.ResponseHeaders) && rule.Backends.All(b => b.Subset is null) && rule.Mirror is not { Subset: not null }
        && rule.Matches.All(m => m.Method is null && m.QueryParams.IsEmpty && m.Headers.All(h => h.Kind is ValueMatchKind.Exact or ValueMatchKind.Regex && !string.IsNullOrEmpty(h.Value)) && (m.Path is null || GrpcPath.TryFromPath(m.Path, out _)));

    private static Resources.HttpRouteRule HttpRule(HttpRouteRule rule, ServiceRef host, string ns, RulePath path, RouteExportContext ctx)
    {
        List<HttpRouteMatch>? matches = null;
        if (!rule.Matches.IsEmpty)
        {
            matches = new List<HttpRouteMatch>(rule.Matches.Count);
            for (var i = 0; i < rule.Matches.Count; i++) matches.Add(HttpMatch(rule.Matches[i], path, i, ctx));
        }
        var result = new Resources.HttpRouteRule { Matches = matches };
        var filters = new List<HttpRouteFilter>();
        if (Headers(rule.RequestHeaders, path, "requestHeaders", ctx) is { } request) filters.Add(new HttpRouteFilter { Type = "RequestHeaderModifier", RequestHeaderModifier = request });
        if (Supported(rule.ResponseHeaders, ctx.Dialect.ResponseHeaders, "ResponseHeaderModifier", path, "responseHeaders", ctx) && Headers(rule.ResponseHeaders, path, "responseHeaders", ctx) is { } response) filters.Add(new HttpRouteFilter { Type = "ResponseHeaderModifier", ResponseHeaderModifier = response });
        if (rule.Redirect is { } redirect)
        {
            if (!rule.Backends.IsEmpty) ctx.Unsupported($"{path}.backends", "A redirecting rule answers the request itself; its backends are not written.");
            if (Redirect(redirect, rule, $"{path}.redirect", ctx) is { } r) filters.Add(new HttpRouteFilter { Type = "RequestRedirect", RequestRedirect = r });
            if (rule.Rewrite is not null) ctx.Unsupported($"{path}.rewrite", "Gateway API does not allow URLRewrite beside RequestRedirect; the rewrite is not written.");
        }
        else
        {
            result.BackendRefs = IsParentBackend(rule, host) ? null : Backends(rule.Backends, ns, path, ctx);
            if (Supported(rule.Rewrite, ctx.Dialect.Rewrite, "URLRewrite", path, "rewrite", ctx) && Rewrite(rule.Rewrite!, rule, $"{path}.rewrite", ctx) is { } w) filters.Add(new HttpRouteFilter { Type = "URLRewrite", UrlRewrite = w });
        }
        if (Supported(rule.Mirror, ctx.Dialect.Mirror, "RequestMirror", path, "mirror", ctx)) filters.Add(new HttpRouteFilter { Type = "RequestMirror", RequestMirror = Mirror(rule.Mirror!, ns, $"{path}.mirror", ctx) });
        if (Supported(rule.Cors, ctx.Dialect.Cors, "CORS", path, "cors", ctx) && Cors(rule.Cors!, $"{path}.cors", ctx) is { } c) filters.Add(new HttpRouteFilter { Type = "CORS", Cors = c });
        result.Filters = filters.Count == 0 ? null : filters;
        if (rule.Timeout is { } timeout)
        {
            if (!GatewayDuration.TryFormat(timeout, out var text)) ctx.Approximated($"{path}.timeout", $"Gateway API durations are whole milliseconds up to 99999h; the timeout is written as {text}.");
            result.Timeouts = new HttpRouteTimeouts { Request = text };
        }
        CommonUnsupported(rule, path, ctx);
        return result;
    }

    private static GrpcRouteRule GrpcRule(HttpRouteRule rule, ServiceRef host, string ns, RulePath path, RouteExportContext ctx)
    {
        var filters = new List<GrpcRouteFilter>();
        if (Headers(rule.RequestHeaders, path, "requestHeaders", ctx) is { } request) filters.Add(new GrpcRouteFilter { Type = "RequestHeaderModifier", RequestHeaderModifier = request });
        if (Supported(rule.ResponseHeaders, ctx.Dialect.ResponseHeaders, "ResponseHeaderModifier", path, "responseHeaders", ctx) && Headers(rule.ResponseHeaders, path, "responseHeaders", ctx) is { } response) filters.Add(new GrpcRouteFilter { Type = "ResponseHeaderModifier", ResponseHeaderModifier = response });
        if (Supported(rule.Mirror, ctx.Dialect.Mirror, "RequestMirror", path, "mirror", ctx)) filters.Add(new GrpcRouteFilter { Type = "RequestMirror", RequestMirror = Mirror(rule.Mirror!, ns, $"{path}.mirror", ctx) });
        return new GrpcRouteRule
        {
            Matches = Lists.OrNull(rule.Matches.Select((m, k) => new GrpcRouteMatch
            {
                Method = m.Path is { } p && GrpcPath.TryFromPath(p, out var method) ? method : null,
                Headers = Lists.OrNull(m.Headers.Where((h, i) => TryValueType(h, path, k, "headers", i, "header", ctx, out _)).Select(h => new GrpcHeaderMatch { Type = h.Kind == ValueMatchKind.Regex ? "RegularExpression" : null, Name = h.Name, Value = h.Value })),
            })),
            Filters = Lists.OrNull(filters),
            BackendRefs = IsParentBackend(rule, host) ? null : Backends(rule.Backends, ns, path, ctx),
        };
    }

    private static void CommonUnsupported(HttpRouteRule rule, RulePath path, RouteExportContext ctx)
    {
        if (rule.Retry is not null && !ctx.Dialect.RetriesElsewhere) ctx.Unsupported($"{path}.retry", "Retries are experimental-channel only in Gateway API; the retry policy is not written.");
        if (rule.Fault is { Delay: not null } or { Abort: not null }) ctx.Unsupported($"{path}.fault", $"Fault injection is not in {ctx.Dialect.DisplayName} routing; the fault is not written.");
    }

    /// <summary>Whether <paramref name="value"/> is set and the dialect supports it; a set value it does not support is reported.</summary>
    private static bool Supported(object? value, bool supported, string filter, RulePath rulePath, string field, RouteExportContext ctx)
    {
        if (value is null) return false;
        if (!supported) ctx.Unsupported($"{rulePath}.{field}", ctx.Message(ctx.Dialect.DisplayName + " does not run the {0} filter; it is not written.", filter));
        return supported;
    }

    /// <summary>Match <paramref name="index"/> of a rule; its path (<c>rulePath.matches[index]</c>) is built only for a diagnostic.</summary>
    private static HttpRouteMatch HttpMatch(HttpMatch match, RulePath rulePath, int index, RouteExportContext ctx)
    {
        var result = new HttpRouteMatch();
        if (match.Path is { } p)
        {
            result.Path = new HttpPathMatch
            {
                Type = p.Kind switch { PathMatchKind.Exact => "Exact", PathMatchKind.Prefix => "PathPrefix", _ => "RegularExpression" },
                Value = p.Value,
            };
        }
        if (match.Method is { } method)
        {
            var upper = method.ToUpperInvariant();
            if (Methods.Contains(upper)) result.Method = upper;
            else ctx.Unsupported($"{rulePath}.matches[{index}].method", $"Gateway API matches the methods {string.Join(", ", Methods)}; '{method}' is not written.");
        }
        if (!match.Headers.IsEmpty)
        {
            var headers = new List<HttpHeaderMatch>(match.Headers.Count);
            for (var i = 0; i < match.Headers.Count; i++)
            {
                var h = match.Headers[i];
                if (TryValueType(h, rulePath, index, "headers", i, "header", ctx, out var type)) headers.Add(new HttpHeaderMatch { Type = type, Name = h.Name, Value = h.Value ?? string.Empty });
            }
            result.Headers = headers.Count == 0 ? null : headers;
        }
        if (!match.QueryParams.IsEmpty)
        {
            var query = new List<HttpQueryParamMatch>(match.QueryParams.Count);
            for (var i = 0; i < match.QueryParams.Count; i++)
            {
                var q = match.QueryParams[i];
                if (TryValueType(q, rulePath, index, "queryParams", i, "query parameter", ctx, out var type)) query.Add(new HttpQueryParamMatch { Type = type, Name = q.Name, Value = q.Value ?? string.Empty });
            }
            result.QueryParams = query.Count == 0 ? null : query;
        }
        return result;
    }

    /// <summary>Whether a value match is writable, and its wire type: null for Exact (the default) or <c>RegularExpression</c>.</summary>
    private static bool TryValueType(ValueMatch m, RulePath rulePath, int match, string list, int index, string what, RouteExportContext ctx, out string? type)
    {
        string Path() => $"{rulePath}.matches[{match}].{list}[{index}]";
        type = null;
        if (m.Kind is not (ValueMatchKind.Exact or ValueMatchKind.Regex))
        {
            ctx.Unsupported(Path(), $"Gateway API {what} matches are Exact or RegularExpression; the {m.Kind.ToString().ToLowerInvariant()} condition on '{m.Name}' is not written.");
            return false;
        }
        if (string.IsNullOrEmpty(m.Value))
        {
            ctx.Unsupported(Path(), $"Gateway API {what} match values have at least one character; the empty-value condition on '{m.Name}' is not written.");
            return false;
        }
        if (m.Kind == ValueMatchKind.Regex) type = "RegularExpression";
        return true;
    }

    private static List<BackendRef>? Backends(Mesh.Collections.EquatableArray<WeightedBackend> backends, string ns, RulePath rulePath, RouteExportContext ctx)
    {
        if (backends.IsEmpty) return null;
        var result = new List<BackendRef>(backends.Count);
        for (var i = 0; i < backends.Count; i++)
        {
            var b = backends[i];
            if (b.Subset is not null) ctx.Unsupported($"{rulePath}.backends[{i}].subset", ctx.Message("Gateway API backends are whole Services; subset '{0}' is not written.", b.Subset));
            result.Add(new BackendRef
            {
                Name = b.Service.Name,
                Namespace = b.Service.Namespace == ns ? null : b.Service.Namespace,
                Port = b.Port ?? BackendPort(b.Service, rulePath, i, ctx),
                // A single backend takes all traffic: its weight is left out.
                Weight = b.Weight == 1 || backends.Count == 1 ? null : b.Weight,
            });
        }
        return result;
    }

    /// <summary>
    /// The port of a Service backend given without one (the CRDs require it): the service's only port when the model
    /// defines the service with exactly one; otherwise none, reported.
    /// </summary>
    private static int? BackendPort(ServiceRef service, RulePath rulePath, int index, RouteExportContext ctx) =>
        BackendPort(service, $"{rulePath}.backends[{index}].port", ctx);

    /// <summary>The port written for a Service backend the model gives without one, at <paramref name="path"/> (see the overload above).</summary>
    internal static int? BackendPort(ServiceRef service, string path, RouteExportContext ctx)
    {
        if (ctx.FindService(service) is { Ports.Count: 1 } known)
        {
            ctx.Note(path, ctx.OnlyPortMessages.Get((service, known.Ports[0].Port), static k => $"The backend has no port; the only port of '{k.Service}', {k.Port}, is written (a Service backendRef needs one)."));
            return known.Ports[0].Port;
        }
        ctx.Unsupported(path, $"A Service backendRef needs a port, and '{service}' has no single port in the model to take; the backend is written without one and the API server will reject it.");
        return null;
    }

    private static HttpHeaderFilter? Headers(HeaderModifier? modifier, RulePath rulePath, string field, RouteExportContext ctx)
    {
        if (modifier is null) return null;
        var result = new HttpHeaderFilter
        {
            Set = Entries(modifier.Set, rulePath, field, "set", ctx),
            Add = Entries(modifier.Add, rulePath, field, "add", ctx),
            Remove = Lists.OrNull(modifier.Remove),
        };
        return result.Set is null && result.Add is null && result.Remove is null ? null : result;
    }

    private static List<HttpHeader>? Entries(Mesh.Collections.EquatableMap<string> entries, RulePath rulePath, string field, string list, RouteExportContext ctx)
    {
        if (entries.Count == 0) return null;
        var result = new List<HttpHeader>(entries.Count);
        foreach (var (name, value) in entries)
        {
            if (value.Length == 0)
            {
                ctx.Unsupported($"{rulePath}.{field}.{list}{Mesh.Kubernetes.JsonPaths.Segment(name)}", $"Gateway API header values have at least one character; the empty value of '{name}' is not written.");
                continue;
            }
            result.Add(new HttpHeader { Name = name, Value = value });
        }
        return result.Count == 0 ? null : result;
    }

    private static HttpRequestRedirectFilter? Redirect(Model.Redirect redirect, HttpRouteRule rule, string path, RouteExportContext ctx)
    {
        var result = new HttpRequestRedirectFilter { Hostname = redirect.Host, Port = redirect.Port };
        if (redirect.Scheme is { } scheme)
        {
            if (scheme is "http" or "https") result.Scheme = scheme;
            else ctx.Unsupported($"{path}.scheme", $"Gateway API redirects to http or https; scheme '{scheme}' is not written.");
        }
        if (redirect.Path is { } full)
        {
            result.Path = new HttpPathModifier { Type = "ReplaceFullPath", ReplaceFullPath = full };
            if (redirect.PathPrefix is not null) ctx.Unsupported($"{path}.pathPrefix", "A redirect replaces the full path or the prefix, not both; the prefix replacement is not written.");
        }
        else if (redirect.PathPrefix is { } prefix)
        {
            result.Path = PrefixReplacement(rule, prefix, "redirect", path, ctx);
        }
        if (Array.IndexOf(ctx.Dialect.RedirectCodes, redirect.StatusCode) < 0)
        {
            ctx.Unsupported($"{path}.statusCode", $"{ctx.Dialect.DisplayName} redirect codes are {string.Join(", ", ctx.Dialect.RedirectCodes)}; {redirect.StatusCode} is written as 302.");
        }
        else if (redirect.StatusCode != 302)
        {
            result.StatusCode = redirect.StatusCode;
        }
        return result;
    }

    private static HttpUrlRewriteFilter? Rewrite(Model.Rewrite rewrite, HttpRouteRule rule, string path, RouteExportContext ctx)
    {
        var result = new HttpUrlRewriteFilter { Hostname = rewrite.Authority };
        if (rewrite.FullPath is { } full)
        {
            result.Path = new HttpPathModifier { Type = "ReplaceFullPath", ReplaceFullPath = full };
            if (rewrite.PathPrefix is not null) ctx.Unsupported($"{path}.pathPrefix", "A rewrite replaces the full path or the prefix, not both; the prefix rewrite is not written.");
        }
        else if (rewrite.PathPrefix is { } prefix)
        {
            result.Path = PrefixReplacement(rule, prefix, "rewrite", path, ctx);
        }
        return result.Hostname is null && result.Path is null ? null : result;
    }

    /// <summary>How a replacement of the matched path prefix (a rewrite's or a redirect's) can be written in Gateway API.</summary>
    public enum PrefixForm
    {
        /// <summary>As ReplacePrefixMatch: the rule has no match, or one whose path is a prefix or absent (defaulted to PathPrefix <c>/</c>).</summary>
        ReplacePrefixMatch,

        /// <summary>As ReplaceFullPath: every match is an exact path, so the matched prefix is the whole path.</summary>
        ReplaceFullPath,

        /// <summary>Not at all: Gateway API allows ReplacePrefixMatch only beside exactly one PathPrefix match.</summary>
        None,
    }

    /// <summary>How a prefix replacement of <paramref name="rule"/> is written (see <see cref="PrefixForm"/>).</summary>
    public static PrefixForm PrefixReplacement(HttpRouteRule rule)
    {
        if (rule.Matches.IsEmpty || (rule.Matches.Count == 1 && rule.Matches[0].Path is null or { Kind: PathMatchKind.Prefix })) return PrefixForm.ReplacePrefixMatch;
        return rule.Matches.All(m => m.Path is { Kind: PathMatchKind.Exact }) ? PrefixForm.ReplaceFullPath : PrefixForm.None;
    }

    /// <summary>
    /// The path modifier of a rewrite or redirect that replaces the matched prefix with <paramref name="prefix"/>. Gateway API
    /// allows ReplacePrefixMatch only in a rule with exactly one match whose path is a PathPrefix (the API server defaults a
    /// rule without matches, and a match without a path, to PathPrefix <c>/</c>). When every match is an exact path, the
    /// matched prefix is the whole path, so the replacement is written, equivalently, as ReplaceFullPath (reported, as it
    /// reads back as a full-path replacement). Otherwise the prefix replacement is not written (reported).
    /// </summary>
    private static HttpPathModifier? PrefixReplacement(HttpRouteRule rule, string prefix, string filter, string path, RouteExportContext ctx)
    {
        switch (PrefixReplacement(rule))
        {
            case PrefixForm.ReplacePrefixMatch:
                return new HttpPathModifier { Type = "ReplacePrefixMatch", ReplacePrefixMatch = prefix };
            case PrefixForm.ReplaceFullPath:
                ctx.Approximated(path, ctx.Message("Every match of the rule is an exact path, so replacing the matched prefix replaces the whole path: the {0} is written as ReplaceFullPath (Gateway API allows ReplacePrefixMatch only beside exactly one PathPrefix match).", filter));
                return new HttpPathModifier { Type = "ReplaceFullPath", ReplaceFullPath = prefix };
            default:
                ctx.Unsupported(path, ctx.Message("Gateway API replaces a matched prefix only in a rule with exactly one match, on a PathPrefix; this rule's matches are not that, so the prefix replacement of the {0} is not written.", filter));
                return null;
        }
    }

    private static HttpRequestMirrorFilter Mirror(Model.Mirror mirror, string ns, string path, RouteExportContext ctx)
    {
        if (mirror.Subset is not null) ctx.Unsupported($"{path}.subset", $"Gateway API mirrors to a whole Service; subset '{mirror.Subset}' is not written.");
        var result = new HttpRequestMirrorFilter
        {
            BackendRef = new BackendObjectReference
            {
                Name = mirror.Service.Name,
                Namespace = mirror.Service.Namespace == ns ? null : mirror.Service.Namespace,
                Port = mirror.Port ?? BackendPort(mirror.Service, $"{path}.port", ctx),
            },
        };
        if (mirror.Percentage != 100m)
        {
            if (decimal.IsInteger(mirror.Percentage)) result.Percent = (int)mirror.Percentage;
            else result.Fraction = MirrorFraction(mirror.Percentage, path, ctx);
        }
        return result;
    }

    private static Fraction MirrorFraction(decimal percentage, string path, RouteExportContext ctx)
    {
        var scaled = percentage * 100m;
        if (!decimal.IsInteger(scaled))
        {
            ctx.Approximated($"{path}.percentage", $"The mirror share is written in hundredths of a percent; {percentage.ToString(CultureInfo.InvariantCulture)}% is rounded.");
        }
        return new Fraction { Numerator = (int)decimal.Round(scaled), Denominator = 10000 };
    }

    private static HttpCorsFilter? Cors(Model.CorsPolicy cors, string path, RouteExportContext ctx)
    {
        int? maxAge = null;
        if (cors.MaxAge is { } age)
        {
            var seconds = (long)Math.Ceiling(age.TotalSeconds);
            if (age.Ticks % TimeSpan.TicksPerSecond != 0 || seconds < 1)
            {
                ctx.Approximated($"{path}.maxAge", "Gateway API takes maxAge in whole seconds (at least 1); it is rounded up.");
            }
            maxAge = (int)Math.Clamp(seconds, 1, int.MaxValue);
        }
        var origins = cors.AllowOrigins;
        if (origins.Count > 1 && origins.AsSpan().Contains("*"))
        {
            ctx.Note($"{path}.allowOrigins", "'*' allows every origin, and Gateway API rejects it beside other origins: only '*' is written.");
            origins = ["*"];
        }
        return new HttpCorsFilter
        {
            AllowOrigins = Lists.OrNull(origins),
            AllowMethods = Lists.OrNull(cors.AllowMethods),
            AllowHeaders = Lists.OrNull(cors.AllowHeaders),
            ExposeHeaders = Lists.OrNull(cors.ExposeHeaders),
            MaxAge = maxAge,
            AllowCredentials = cors.AllowCredentials,
        };
    }
}

using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Resources;
using Mesh.Providers.GatewayApi.Translation;
using HttpRouteRule = Mesh.Model.HttpRouteRule;
using HttpMatch = Mesh.Model.HttpMatch;

namespace Mesh.Providers.GatewayApi.Mapping;

/// <summary>
/// A model rule ↔ an <c>HTTPRoute</c> rule: the matches (<see cref="MatchMapping"/>), the filters (header modifiers,
/// redirect, URL rewrite, mirror, CORS: one mapping each), the weighted <c>backendRefs</c> (<see cref="BackendMapping"/>) and
/// <c>timeouts</c> (<see cref="TimeoutMapping"/>). What the route's <see cref="RouteDialect"/> does not run is reported, as
/// are retries (unless the dialect writes them elsewhere) and faults; on import, a second filter of a kind and filters
/// this mapping does not read.
/// </summary>
internal static class HttpRuleMapping
{
    /// <summary>
    /// Model → Gateway API: rule <c>path</c> of a route of <paramref name="host"/> in namespace <paramref name="ns"/> written
    /// for <paramref name="parentPort"/> (null: several ports, or every port), or null (reported) when none of its backends can
    /// be written (see <see cref="BackendMapping.TryPort"/>).
    /// </summary>
    public static Resources.HttpRouteRule? ToGatewayApi(HttpRouteRule rule, ServiceRef host, string ns, RulePath path, int? parentPort, RouteExportContext ctx)
    {
        List<BackendRef>? backendRefs = null;
        if (rule.Redirect is null && !BackendMapping.IsParentBackend(rule, host))
        {
            backendRefs = BackendMapping.ToGatewayApi(rule.Backends, ns, path, parentPort, ctx);
            if (!Writable(rule, backendRefs, path, ctx)) return null;
        }
        var result = new Resources.HttpRouteRule { Matches = MatchMapping.ToHttpRouteMatches(rule.Matches, path, ctx) };
        var filters = new List<HttpRouteFilter>();
        if (HeaderMapping.ToGatewayApi(rule.RequestHeaders, path, "requestHeaders", ctx) is { } request) filters.Add(new HttpRouteFilter { Type = "RequestHeaderModifier", RequestHeaderModifier = request });
        if (Supported(rule.ResponseHeaders, ctx.Dialect.ResponseHeaders, "ResponseHeaderModifier", path, "responseHeaders", ctx) && HeaderMapping.ToGatewayApi(rule.ResponseHeaders, path, "responseHeaders", ctx) is { } response) filters.Add(new HttpRouteFilter { Type = "ResponseHeaderModifier", ResponseHeaderModifier = response });
        if (rule.Redirect is { } redirect)
        {
            if (!rule.Backends.IsEmpty) ctx.Unsupported($"{path}.backends", "A redirecting rule answers the request itself; its backends are not written.");
            if (RedirectMapping.ToGatewayApi(redirect, rule, $"{path}.redirect", ctx) is { } r) filters.Add(new HttpRouteFilter { Type = "RequestRedirect", RequestRedirect = r });
            if (rule.Rewrite is not null) ctx.Unsupported($"{path}.rewrite", "Gateway API does not allow URLRewrite beside RequestRedirect; the rewrite is not written.");
        }
        else
        {
            result.BackendRefs = backendRefs;
            if (Supported(rule.Rewrite, ctx.Dialect.Rewrite, "URLRewrite", path, "rewrite", ctx) && RewriteMapping.ToGatewayApi(rule.Rewrite!, rule, $"{path}.rewrite", ctx) is { } w) filters.Add(new HttpRouteFilter { Type = "URLRewrite", UrlRewrite = w });
        }
        if (Supported(rule.Mirror, ctx.Dialect.Mirror, "RequestMirror", path, "mirror", ctx) && MirrorMapping.ToGatewayApi(rule.Mirror!, ns, path, parentPort, ctx) is { } mirror) filters.Add(new HttpRouteFilter { Type = "RequestMirror", RequestMirror = mirror });
        if (Supported(rule.Cors, ctx.Dialect.Cors, "CORS", path, "cors", ctx) && CorsMapping.ToGatewayApi(rule.Cors!, $"{path}.cors", ctx) is { } c) filters.Add(new HttpRouteFilter { Type = "CORS", Cors = c });
        result.Filters = filters.Count == 0 ? null : filters;
        if (rule.Timeout is { } timeout) result.Timeouts = TimeoutMapping.ToGatewayApi(timeout, path, ctx);
        if (rule.Retry is not null && !ctx.Dialect.RetriesElsewhere) ctx.Unsupported($"{path}.retry", "Retries are experimental-channel only in Gateway API; the retry policy is not written.");
        if (rule.Fault is { Delay: not null } or { Abort: not null }) ctx.Unsupported($"{path}.fault", $"Fault injection is not in {ctx.Dialect.DisplayName} routing; the fault is not written.");
        return result;
    }

    /// <summary>
    /// Whether a rule whose model backends are written as <paramref name="backendRefs"/> can be written: where the dialect
    /// resolves backend ports (<see cref="RouteDialect.ResolveBackendPorts"/>), some backend with a share of traffic must be
    /// left (backends whose port cannot be determined are left out); otherwise the rule is reported.
    /// </summary>
    public static bool Writable(HttpRouteRule rule, List<BackendRef>? backendRefs, RulePath path, RouteExportContext ctx)
    {
        if (!ctx.Dialect.ResolveBackendPorts || rule.Backends.IsEmpty || (backendRefs is not null && backendRefs.Exists(b => b.Weight is not 0))) return true;
        ctx.Unsupported(path.ToString(), "No backend of this rule with a share of traffic can be written with the port a Service backendRef needs, so the rule is not written: the requests it matches go to the next rule, or to the host itself.");
        return false;
    }

    /// <summary>Whether <paramref name="value"/> is set and the dialect supports it; a set value it does not support is reported.</summary>
    public static bool Supported(object? value, bool supported, string filter, RulePath rulePath, string field, RouteExportContext ctx)
    {
        if (value is null) return false;
        if (!supported) ctx.Unsupported($"{rulePath}.{field}", ctx.Message(ctx.Dialect.DisplayName + " does not run the {0} filter; it is not written.", filter));
        return supported;
    }

    /// <summary>
    /// Gateway API → model: the rule at <paramref name="path"/> of a route of <paramref name="host"/> (<paramref name="what"/>
    /// names the route in messages), or null (reported) when it neither routes nor redirects; the Services it names are recorded
    /// in <paramref name="model"/>.
    /// </summary>
    public static HttpRouteRule? ToModel(Resources.HttpRouteRule rule, ServiceRef host, string ns, string source, string path, ImportContext ctx, ModelBuilder model, string what)
    {
        var mark = model.References.Count;
        var matches = new List<HttpMatch>();
        for (var i = 0; i < (rule.Matches?.Count ?? 0); i++)
        {
            if (rule.Matches![i] is { } m && MatchMapping.ToModel(m, source, $"{path}.matches[{i}]", ctx) is { } match) matches.Add(match);
        }
        HeaderModifier? request = null, response = null;
        Model.Redirect? redirect = null;
        Model.Rewrite? rewrite = null;
        Model.Mirror? mirror = null;
        string? mirrorAt = null;
        Model.CorsPolicy? cors = null;
        for (var i = 0; i < (rule.Filters?.Count ?? 0); i++)
        {
            if (rule.Filters![i] is not { } f) continue;
            var at = $"{path}.filters[{i}]";
            switch (f.Type)
            {
                case "RequestHeaderModifier" when f.RequestHeaderModifier is { } h:
                    request = Once(request, HeaderMapping.ToModel(h, source, $"{at}.requestHeaderModifier", ctx), source, at, ctx);
                    break;
                case "ResponseHeaderModifier" when f.ResponseHeaderModifier is { } h:
                    response = Once(response, HeaderMapping.ToModel(h, source, $"{at}.responseHeaderModifier", ctx), source, at, ctx);
                    break;
                case "RequestRedirect" when f.RequestRedirect is { } r:
                    redirect = Once(redirect, RedirectMapping.ToModel(r, source, $"{at}.requestRedirect", ctx), source, at, ctx);
                    break;
                case "URLRewrite" when f.UrlRewrite is { } w:
                    rewrite = Once(rewrite, RewriteMapping.ToModel(w, source, $"{at}.urlRewrite", ctx), source, at, ctx);
                    break;
                case "RequestMirror" when f.RequestMirror is { } m:
                    var first = mirror is null;
                    mirror = Once(mirror, MirrorMapping.ToModel(m, ns, source, $"{at}.requestMirror", ctx), source, at, ctx);
                    if (first && mirror is not null) mirrorAt = $"{at}.requestMirror.backendRef";
                    break;
                case "CORS" when f.Cors is { } c:
                    cors = Once(cors, CorsMapping.ToModel(c, source, $"{at}.cors", ctx), source, at, ctx);
                    break;
                case "RequestHeaderModifier" or "ResponseHeaderModifier" or "RequestRedirect" or "URLRewrite" or "RequestMirror" or "CORS":
                    ctx.Invalid(source, at, $"A {f.Type} filter needs its {f.Type} settings.");
                    break;
                case "ExtensionRef":
                    ctx.NotImported(source, at, "An ExtensionRef filter is implementation-specific; it was not imported.");
                    break;
                default:
                    ctx.Invalid(source, $"{at}.type", $"'{f.Type}' is not a filter type (RequestHeaderModifier, ResponseHeaderModifier, RequestRedirect, URLRewrite, RequestMirror, CORS, ExtensionRef).");
                    break;
            }
        }
        if (mirror is not null) model.Refer(mirror.Service, mirror.Port, Protocol.Http, source, mirrorAt!, $"mirror of {what}");
        var backendMark = model.References.Count;
        var backends = BackendMapping.ToModel(rule.BackendRefs, ns, source, $"{path}.backendRefs", ctx, model, Protocol.Http, $"backendRef of {what}");
        var timeout = rule.Timeouts is { } timeouts ? TimeoutMapping.ToModel(timeouts, source, path, ctx) : null;
        if (redirect is not null && !backends.IsEmpty)
        {
            ctx.NotImported(source, $"{path}.backendRefs", "A redirecting rule answers the request itself; its backends were not imported.");
            model.Forget(backendMark);
            backends = default;
        }
        if (redirect is null && backends.IsEmpty)
        {
            if (rule.BackendRefs is not { Count: > 0 })
            {
                backends = BackendMapping.ParentBackend(host);
            }
            else
            {
                ctx.NotImported(source, path, "The rule neither routes to a Service nor redirects; it was not imported.");
                model.Forget(mark);
                return null;
            }
        }
        return new HttpRouteRule
        {
            Matches = [.. matches],
            Backends = backends,
            Timeout = timeout,
            Redirect = redirect,
            Rewrite = rewrite,
            Mirror = mirror,
            RequestHeaders = request,
            ResponseHeaders = response,
            Cors = cors,
        };
    }

    /// <summary>The first filter of a kind; a second one of the same kind is reported and left out (the model has one per rule).</summary>
    public static T? Once<T>(T? existing, T? value, string source, string path, ImportContext ctx)
        where T : class
    {
        if (existing is null) return value;
        ctx.NotImported(source, path, "The model has one filter of each kind per rule; this second one was not imported.");
        return existing;
    }
}

using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Resources;
using Mesh.Providers.GatewayApi.Translation;
using HttpRouteRule = Mesh.Model.HttpRouteRule;
using HttpMatch = Mesh.Model.HttpMatch;

namespace Mesh.Providers.GatewayApi.Mapping;

/// <summary>
/// A model rule ↔ a <c>GRPCRoute</c> rule: method and header matches (<see cref="MatchMapping"/>), the header modifier and
/// mirror filters, and the weighted <c>backendRefs</c>. A GRPCRoute has no timeouts, redirects, rewrites, CORS, query or
/// method matches, so a route is written as one only when every rule does without them (<see cref="IsExpressible"/>).
/// </summary>
internal static class GrpcRuleMapping
{
    /// <summary>Whether <paramref name="rule"/> can be written as a GRPCRoute rule for <paramref name="dialect"/>.</summary>
    public static bool IsExpressible(HttpRouteRule rule, RouteDialect dialect) =>
        rule.Timeout is null && rule.Redirect is null && rule.Rewrite is null && rule.Cors is null
        && (rule.Retry is null || dialect.RetriesElsewhere) && rule.Fault is null
        && (rule.Mirror is null || dialect.Mirror) && (rule.ResponseHeaders is null || dialect.ResponseHeaders) && rule.Backends.All(b => b.Subset is null) && rule.Mirror is not { Subset: not null }
        && rule.Matches.All(m => m.Method is null && m.QueryParams.IsEmpty && m.Headers.All(h => h.Kind is ValueMatchKind.Exact or ValueMatchKind.Regex && !string.IsNullOrEmpty(h.Value)) && (m.Path is null || MatchMapping.TryToGrpcMethod(m.Path, out _)));

    /// <summary>
    /// Model → Gateway API: rule <c>path</c> of a route of <paramref name="host"/> in namespace <paramref name="ns"/> (one
    /// <see cref="IsExpressible"/> said fits) written for <paramref name="parentPort"/>, or null (reported) when none of its
    /// backends can be written.
    /// </summary>
    public static GrpcRouteRule? ToGatewayApi(HttpRouteRule rule, ServiceRef host, string ns, RulePath path, int? parentPort, RouteExportContext ctx)
    {
        var backendRefs = BackendMapping.IsParentBackend(rule, host) ? null : BackendMapping.ToGatewayApi(rule.Backends, ns, path, parentPort, ctx);
        if (!BackendMapping.IsParentBackend(rule, host) && !HttpRuleMapping.Writable(rule, backendRefs, path, ctx)) return null;
        var filters = new List<GrpcRouteFilter>();
        if (HeaderMapping.ToGatewayApi(rule.RequestHeaders, path, "requestHeaders", ctx) is { } request) filters.Add(new GrpcRouteFilter { Type = "RequestHeaderModifier", RequestHeaderModifier = request });
        if (HttpRuleMapping.Supported(rule.ResponseHeaders, ctx.Dialect.ResponseHeaders, "ResponseHeaderModifier", path, "responseHeaders", ctx) && HeaderMapping.ToGatewayApi(rule.ResponseHeaders, path, "responseHeaders", ctx) is { } response) filters.Add(new GrpcRouteFilter { Type = "ResponseHeaderModifier", ResponseHeaderModifier = response });
        if (HttpRuleMapping.Supported(rule.Mirror, ctx.Dialect.Mirror, "RequestMirror", path, "mirror", ctx) && MirrorMapping.ToGatewayApi(rule.Mirror!, ns, path, parentPort, ctx) is { } mirror) filters.Add(new GrpcRouteFilter { Type = "RequestMirror", RequestMirror = mirror });
        return new GrpcRouteRule
        {
            Matches = MatchMapping.ToGrpcRouteMatches(rule.Matches, path, ctx),
            Filters = Lists.OrNull(filters),
            BackendRefs = backendRefs,
        };
    }

    /// <summary>
    /// Gateway API → model: the rule at <paramref name="path"/> of a route of <paramref name="host"/> (<paramref name="what"/>
    /// names the route in messages), or null (reported) when it routes to no Service; the Services it names are recorded in
    /// <paramref name="model"/>.
    /// </summary>
    public static HttpRouteRule? ToModel(GrpcRouteRule rule, ServiceRef host, string ns, string source, string path, ImportContext ctx, ModelBuilder model, string what)
    {
        var mark = model.References.Count;
        var matches = new List<HttpMatch>();
        for (var i = 0; i < (rule.Matches?.Count ?? 0); i++)
        {
            if (rule.Matches![i] is not { } m) continue;
            matches.Add(MatchMapping.ToModel(m, source, $"{path}.matches[{i}]", ctx));
        }
        HeaderModifier? request = null, response = null;
        Model.Mirror? mirror = null;
        string? mirrorAt = null;
        for (var i = 0; i < (rule.Filters?.Count ?? 0); i++)
        {
            if (rule.Filters![i] is not { } f) continue;
            var at = $"{path}.filters[{i}]";
            switch (f.Type)
            {
                case "RequestHeaderModifier" when f.RequestHeaderModifier is { } h:
                    request = HttpRuleMapping.Once(request, HeaderMapping.ToModel(h, source, $"{at}.requestHeaderModifier", ctx), source, at, ctx);
                    break;
                case "ResponseHeaderModifier" when f.ResponseHeaderModifier is { } h:
                    response = HttpRuleMapping.Once(response, HeaderMapping.ToModel(h, source, $"{at}.responseHeaderModifier", ctx), source, at, ctx);
                    break;
                case "RequestMirror" when f.RequestMirror is { } m:
                    var first = mirror is null;
                    mirror = HttpRuleMapping.Once(mirror, MirrorMapping.ToModel(m, ns, source, $"{at}.requestMirror", ctx), source, at, ctx);
                    if (first && mirror is not null) mirrorAt = $"{at}.requestMirror.backendRef";
                    break;
                case "RequestHeaderModifier" or "ResponseHeaderModifier" or "RequestMirror":
                    ctx.Invalid(source, at, $"A {f.Type} filter needs its {f.Type} settings.");
                    break;
                case "ExtensionRef":
                    ctx.NotImported(source, at, "An ExtensionRef filter is implementation-specific; it was not imported.");
                    break;
                default:
                    ctx.Invalid(source, $"{at}.type", $"'{f.Type}' is not a GRPCRoute filter type (RequestHeaderModifier, ResponseHeaderModifier, RequestMirror, ExtensionRef).");
                    break;
            }
        }
        if (mirror is not null) model.Refer(mirror.Service, mirror.Port, Protocol.Grpc, source, mirrorAt!, $"mirror of {what}");
        var backends = BackendMapping.ToModel(rule.BackendRefs, ns, source, $"{path}.backendRefs", ctx, model, Protocol.Grpc, $"backendRef of {what}");
        if (backends.IsEmpty && rule.BackendRefs is not { Count: > 0 }) backends = BackendMapping.ParentBackend(host);
        if (backends.IsEmpty)
        {
            ctx.NotImported(source, path, "The rule routes to no Service; it was not imported.");
            model.Forget(mark);
            return null;
        }
        return new HttpRouteRule { Matches = [.. matches], Backends = backends, Mirror = mirror, RequestHeaders = request, ResponseHeaders = response };
    }
}

using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// A model HTTP route rule ↔ a <c>VirtualService</c> <c>http</c> rule, as a whole: the rule's fields and how they go together
/// (a redirect answers instead of routing; a redirected request is not rewritten; a rule that neither routes to a mesh
/// service nor redirects is not read). The timeout is a duration; every other field has its own mapping.
/// </summary>
internal static class HttpRouteMapping
{
    public static Resources.HttpRoute ToIstio(HttpRouteRule rule, string path, IstioExportContext ctx)
    {
        var result = new Resources.HttpRoute
        {
            Match = Lists.OrNull(rule.Matches, (m, i) => MatchMapping.ToIstio(m, path, i, ctx)),
        };

        if (rule.Redirect is { } redirect)
        {
            if (!rule.Backends.IsEmpty) ctx.Unsupported($"{path}.backends", "Istio answers a redirect instead of routing; the backends of a redirecting rule are not written.");
            result.Redirect = RedirectMapping.ToIstio(redirect, path, ctx);
        }
        else
        {
            var backends = BackendMapping.ToIstio(rule.Backends, path, ctx, ".backends");
            result.Route = backends.Count == 0 ? null : backends.ConvertAll(static b => new HttpRouteDestination { Destination = b.Destination, Weight = b.Weight });
        }

        if (rule.Timeout is { } timeout) result.Timeout = DurationMapping.ToIstio(timeout);
        if (rule.Retry is { } retry) result.Retries = RetryMapping.ToIstio(retry, $"{path}.retry", ctx);
        if (rule.Fault is { } fault) result.Fault = FaultMapping.ToIstio(fault);
        if (rule.Mirror is { } mirror) (result.Mirror, result.MirrorPercentage) = MirrorMapping.ToIstio(mirror, ctx);
        if (rule.Rewrite is { } rewrite) result.Rewrite = RewriteMapping.ToIstio(rewrite, redirects: rule.Redirect is not null, path, ctx);
        result.Headers = HeaderMapping.ToIstio(rule.RequestHeaders, rule.ResponseHeaders);
        if (rule.Cors is { } cors) result.CorsPolicy = CorsMapping.ToIstio(cors);
        return result;
    }

    /// <summary>The rule at <paramref name="path"/>, or null when it neither routes to a mesh service nor redirects.</summary>
    public static HttpRouteRule? ToModel(Resources.HttpRoute rule, string ns, string source, string path, IstioImportContext ctx)
    {
        var matches = new List<HttpMatch>();
        if (rule.Match is { } match)
        {
            for (var i = 0; i < match.Count; i++)
            {
                if (match[i] is { } m) matches.Add(MatchMapping.ToModel(m, source, $"{path}.match[{i}]", ctx));
            }
        }
        var backends = BackendMapping.ToModel(rule.Route?.Select(r => (r?.Destination, r?.Weight)).ToList(), ns, source, $"{path}.route", ctx);
        var redirect = rule.Redirect is { } r ? RedirectMapping.ToModel(r, source, $"{path}.redirect", ctx) : null;
        if (backends.IsEmpty && redirect is null)
        {
            ctx.NotImported(source, path, "The rule neither routes to a mesh service nor redirects; it was not imported.");
            return null;
        }
        return new HttpRouteRule
        {
            Matches = [.. matches],
            Backends = backends,
            Redirect = redirect,
            Timeout = DurationMapping.ToModel(rule.Timeout, source, $"{path}.timeout", ctx),
            Retry = rule.Retries is { } retries ? RetryMapping.ToModel(retries, source, $"{path}.retries", ctx) : null,
            Fault = rule.Fault is { } fault ? FaultMapping.ToModel(fault, source, $"{path}.fault", ctx) : null,
            Mirror = MirrorMapping.ToModel(rule, ns, source, path, ctx),
            Rewrite = rule.Rewrite is { } rewrite ? RewriteMapping.ToModel(rewrite, source, $"{path}.rewrite", ctx) : null,
            RequestHeaders = HeaderMapping.ToModel(rule.Headers?.Request),
            ResponseHeaders = HeaderMapping.ToModel(rule.Headers?.Response),
            Cors = rule.CorsPolicy is { } cors ? CorsMapping.ToModel(cors, source, $"{path}.corsPolicy", ctx) : null,
        };
    }
}

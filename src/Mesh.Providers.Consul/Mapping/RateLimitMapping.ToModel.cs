using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// <c>ServiceDefaults.spec.rateLimits.instanceLevel</c> → the rate limit of a destination policy of the service (per second):
/// requests per second (0 or none: only routes are limited), the burst, and each route with exactly one path form and a
/// positive rate. What Consul would reject or the model cannot hold is reported at its path.
/// </summary>
internal static partial class RateLimitMapping
{
    public static List<DestinationPolicy> ToModel(ConsulImportIndex index, ImportContext ctx)
    {
        var result = new List<DestinationPolicy>();
        foreach (var (key, doc) in index.Defaults)
        {
            if (doc.Resource.Spec?.RateLimits is not { } limits || doc.Resource.Metadata?.Annotations?.ContainsKey(ConsulEntries.SplitOf) == true) continue;
            if (limits.InstanceLevel is not { } instance)
            {
                ctx.NotImportedInfo(doc.Source, "$.spec.rateLimits", "rateLimits without instanceLevel limits nothing: no rate limit is read.");
                continue;
            }
            const string path = "$.spec.rateLimits.instanceLevel";
            int? requests = instance.RequestsPerSecond is > 0 ? instance.RequestsPerSecond : null;
            if (instance.RequestsPerSecond is < 0) ctx.Invalid(doc.Source, path + ".requestsPerSecond", $"requestsPerSecond must not be negative, not {instance.RequestsPerSecond}.");
            var burst = Burst(requests, instance.RequestsMaxBurst, doc.Source, path, ctx);
            var routes = new List<RouteRateLimit>();
            var list = instance.Routes ?? [];
            for (var i = 0; i < list.Count; i++)
            {
                if (Route(list[i], $"{path}.routes[{i}]", doc.Source, ctx) is not { } route) continue;
                if (routes.Any(r => r.Path == route.Path))
                {
                    ctx.NotImported(doc.Source, $"{path}.routes[{i}]", "An earlier route has the same path and applies first: this one never does and is not imported.");
                    continue;
                }
                routes.Add(route);
            }
            if (requests is null && routes.Count == 0)
            {
                ctx.NotImportedInfo(doc.Source, path, "No requests per second and no route limit: the service is not limited, no rate limit is read.");
                continue;
            }
            result.Add(new DestinationPolicy
            {
                Target = new PolicyTarget { Service = new ServiceRef(key.Name, key.Namespace) },
                RateLimit = new LocalRateLimit { Requests = requests, Burst = requests is null ? null : burst, Routes = [.. routes] },
            });
        }
        return result;
    }

    private static RouteRateLimit? Route(InstanceLevelRouteRateLimits route, string path, string source, ImportContext ctx)
    {
        var forms = (route.PathExact is null ? 0 : 1) + (route.PathPrefix is null ? 0 : 1) + (route.PathRegex is null ? 0 : 1);
        if (forms != 1)
        {
            ctx.Invalid(source, path, "A route rate limit needs exactly one of pathExact, pathPrefix and pathRegex.");
            return null;
        }
        if (route.RequestsPerSecond is not > 0)
        {
            ctx.NotImported(source, path + ".requestsPerSecond", "A route without a positive requestsPerSecond limits nothing the model can hold: not imported.");
            return null;
        }
        var match = route.PathExact is { } exact ? PathMatch.Exact(exact) : route.PathPrefix is { } prefix ? PathMatch.Prefix(prefix) : PathMatch.Regex(route.PathRegex!);
        if (match.Kind != PathMatchKind.Regex && !match.Value.StartsWith('/'))
        {
            ctx.Invalid(source, path, $"The path '{match.Value}' must start with '/'.");
            return null;
        }
        return new RouteRateLimit { Path = match, Requests = route.RequestsPerSecond.Value, Burst = Burst(route.RequestsPerSecond, route.RequestsMaxBurst, source, path, ctx) };
    }

    /// <summary>The burst, when it says more than the requests; below them (Consul's rule: at least the rate) it is reported and the requests kept.</summary>
    private static int? Burst(int? requests, int? burst, string source, string path, ImportContext ctx)
    {
        if (burst is not { } b) return null;
        if (requests is not { } r)
        {
            ctx.Invalid(source, path + ".requestsMaxBurst", "requestsMaxBurst needs requestsPerSecond.");
            return null;
        }
        if (b < r)
        {
            ctx.NotImported(source, path + ".requestsMaxBurst", $"A burst of {b} below the {r} requests per second is not a burst the model holds (Consul requires at least the rate): the bucket is read as {r}.");
            return null;
        }
        return b == r ? null : b;
    }
}

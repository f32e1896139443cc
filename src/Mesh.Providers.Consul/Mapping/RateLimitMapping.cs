using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// A service's rate limit ↔ its <c>ServiceDefaults.spec.rateLimits.instanceLevel</c> (Consul Enterprise 1.17 and later):
/// requests per second and the burst (the token bucket's size) of each instance, and route limits by exact path, prefix or
/// regex. Consul counts per second and always answers 429: another interval is written as the same average rate per
/// second (rounded, with the bucket's size kept as the burst) and reported, another status is reported.
/// </summary>
internal static partial class RateLimitMapping
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    public static void ToConsul(LocalRateLimit limit, ServiceRef service, string path, ConsulExportContext ctx)
    {
        var instance = new InstanceLevelRateLimits();
        if (limit.Requests is { } requests)
        {
            (instance.RequestsPerSecond, instance.RequestsMaxBurst) = PerSecond(requests, limit.Interval, limit.Burst, path, ctx);
        }
        if (limit.Status is { } status && status != LocalRateLimit.DefaultStatus)
        {
            ctx.Unsupported(path + ".status", $"Consul answers a rate-limited request with 429 only; status {status} is not written.");
        }
        if (!limit.Routes.IsEmpty)
        {
            instance.Routes = [];
            for (var i = 0; i < limit.Routes.Count; i++)
            {
                var route = limit.Routes[i];
                var (rps, burst) = PerSecond(route.Requests, route.Interval, route.Burst, $"{path}.routes[{i}]", ctx);
                instance.Routes.Add(new InstanceLevelRouteRateLimits
                {
                    PathExact = route.Path.Kind == PathMatchKind.Exact ? route.Path.Value : null,
                    PathPrefix = route.Path.Kind == PathMatchKind.Prefix ? route.Path.Value : null,
                    PathRegex = route.Path.Kind == PathMatchKind.Regex ? route.Path.Value : null,
                    RequestsPerSecond = rps,
                    RequestsMaxBurst = burst,
                });
            }
        }
        ctx.DefaultsOf(service).Spec.RateLimits = new RateLimits { InstanceLevel = instance };
        if (!ctx.Enterprise)
        {
            ctx.NoteOnce("$.spec.destinationPolicies", "ServiceDefaults rateLimits are a Consul Enterprise feature (1.17 and later): Community Edition accepts the field but does not enforce it.");
        }
    }

    /// <summary>
    /// Requests per interval as Consul's requests per second and burst: exact for one second; otherwise the same average rate,
    /// rounded to a whole number of at least 1, and the bucket's size (the burst, else the requests) kept as the burst.
    /// </summary>
    private static (int PerSecond, int? Burst) PerSecond(int requests, TimeSpan? interval, int? burst, string path, ConsulExportContext ctx)
    {
        if (interval is not { } i || i == Second) return (requests, burst);
        var rate = requests * Second.Ticks / (decimal)i.Ticks;
        var perSecond = (int)Math.Max(1m, Math.Min(int.MaxValue, decimal.Round(rate, MidpointRounding.AwayFromZero)));
        var size = Math.Max(burst ?? requests, perSecond);
        ctx.Approximated(path + ".interval", rate == perSecond
            ? $"Consul counts requests per second: {requests} per {Serialization.MeshDuration.Format(i)} is written as {perSecond} per second with a burst of {size} (the same average rate and bucket, refilled every second)."
            : $"Consul counts whole requests per second: {requests} per {Serialization.MeshDuration.Format(i)} is written as {perSecond} per second (rounded) with a burst of {size}.");
        return (perSecond, size == perSecond ? null : size);
    }
}

using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Osm.Resources;
using Mesh.Serialization;
using Mesh.Validation;

namespace Mesh.Providers.Osm.Mapping;

/// <summary>
/// A destination's rate limit ↔ its UpstreamTrafficSetting's <c>rateLimit.local.http</c> (requests per second, minute or hour;
/// OSM's <c>burst</c> is the requests allowed above the rate, so the model's bucket size is <c>requests + burst</c>; the status)
/// and <c>httpRoutes[]</c> (a path regex the whole path must match, with its own limit): exact paths and prefixes are written as
/// escaped regexes and read back as such. Another interval is written as the same average rate in the nearest unit (reported);
/// TCP connection limits and response headers have no model form (reported on import).
/// </summary>
internal static class RateLimitMapping
{
    private static readonly (string Unit, TimeSpan Length)[] Units = [("second", TimeSpan.FromSeconds(1)), ("minute", TimeSpan.FromMinutes(1)), ("hour", TimeSpan.FromHours(1))];

    public static void ToOsm(LocalRateLimit limit, UpstreamTrafficSettingSpec spec, string path, ExportContext ctx)
    {
        if (limit.Requests is { } requests)
        {
            spec.RateLimit = new RateLimitSpec { Local = new LocalRateLimitSpec { Http = Http(requests, limit.Interval, limit.Burst, limit.Status, path, ctx) } };
        }
        if (limit.Routes.IsEmpty) return;
        spec.HttpRoutes = [];
        for (var i = 0; i < limit.Routes.Count; i++)
        {
            var route = limit.Routes[i];
            spec.HttpRoutes.Add(new HttpRouteSetting
            {
                Path = Regex(route.Path),
                RateLimit = new HttpRouteRateLimit { Local = Http(route.Requests, route.Interval, route.Burst, limit.Status, $"{path}.routes[{i}]", ctx) },
            });
        }
    }

    private static HttpLocalRateLimit Http(int requests, TimeSpan? interval, int? burst, int? status, string path, ExportContext ctx)
    {
        var length = interval ?? LocalRateLimit.DefaultInterval;
        var exact = Array.FindIndex(Units, u => u.Length == length);
        string unit;
        var perUnit = requests;
        if (exact >= 0)
        {
            unit = Units[exact].Unit;
        }
        else
        {
            var (name, unitLength) = length < TimeSpan.FromMinutes(1) ? Units[0] : length < TimeSpan.FromHours(1) ? Units[1] : Units[2];
            unit = name;
            var rate = requests * (decimal)unitLength.Ticks / length.Ticks;
            perUnit = (int)Math.Max(1m, Math.Min(int.MaxValue, decimal.Round(rate, MidpointRounding.AwayFromZero)));
            ctx.Approximated(path + ".interval", rate == perUnit
                ? $"OSM counts requests per second, minute or hour: {requests} per {MeshDuration.Format(length)} is written as {perUnit} per {name} (the same average rate, with the same bucket size)."
                : $"OSM counts whole requests per second, minute or hour: {requests} per {MeshDuration.Format(length)} is written as {perUnit} per {name} (rounded, with the same bucket size).");
        }
        // OSM's burst is what the bucket holds above one unit's requests.
        var size = Math.Max(burst ?? requests, perUnit);
        return new HttpLocalRateLimit
        {
            Requests = perUnit,
            Unit = unit,
            Burst = size > perUnit ? size - perUnit : null,
            ResponseStatusCode = status,
        };
    }

    /// <summary>A path match as the regex of an <c>httpRoutes[].path</c>, which must match the whole path.</summary>
    public static string Regex(PathMatch path) => path.Kind switch
    {
        PathMatchKind.Exact => PathRegex.Escape(path.Value),
        PathMatchKind.Prefix => PathRegex.Escape(path.Value) + ".*",
        _ => path.Value,
    };

    /// <summary>A route's path regex as a path match: an escaped literal is the exact path, with <c>.*</c> after it a prefix, else a regex.</summary>
    public static PathMatch Path(string regex)
    {
        if (regex.EndsWith(".*", StringComparison.Ordinal) && !regex.EndsWith(@"\.*", StringComparison.Ordinal)
            && PathRegex.Unescape(regex[..^2]) is { } prefix && prefix.StartsWith('/'))
        {
            return PathMatch.Prefix(prefix);
        }
        return PathRegex.Unescape(regex) is { } literal && literal.StartsWith('/') ? PathMatch.Exact(literal) : PathMatch.Regex(regex);
    }

    /// <summary>The rate limit of an UpstreamTrafficSetting, or null when it limits nothing the model holds; the rest is reported.</summary>
    public static LocalRateLimit? ToModel(UpstreamTrafficSettingSpec spec, string source, ImportContext ctx)
    {
        int? status = null;
        int? requests = null;
        TimeSpan? interval = null;
        int? burst = null;
        if (spec.RateLimit is { } rateLimit)
        {
            if (rateLimit.Local?.Tcp is not null) ctx.NotImported(source, "$.spec.rateLimit.local.tcp", "The model limits HTTP requests, not TCP connections: the TCP limit is not imported.");
            if (rateLimit.Local?.Http is { } http && Bucket(http, source, "$.spec.rateLimit.local.http", ctx) is { } bucket)
            {
                (requests, interval, burst) = bucket;
                status = http.ResponseStatusCode;
            }
            else if (rateLimit.Local is null) ctx.NotImportedInfo(source, "$.spec.rateLimit", "rateLimit without local limits nothing: not imported.");
        }
        var routes = new List<RouteRateLimit>();
        // The status is the workload limit's; without one, the first route's.
        var statusSet = requests is not null;
        var list = spec.HttpRoutes ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var path = $"$.spec.httpRoutes[{i}]";
            var route = list[i];
            if (route.Path is not { Length: > 0 } regex)
            {
                ctx.Invalid(source, path + ".path", "An httpRoutes entry needs a path.");
                continue;
            }
            if (Re2.Check(regex) is { } problem)
            {
                ctx.Invalid(source, path + ".path", $"The path regex '{regex}' is not RE2: {problem.Message}.");
                continue;
            }
            if (route.RateLimit?.Local is not { } http)
            {
                ctx.NotImportedInfo(source, path, "A path without a local rate limit limits nothing: not imported.");
                continue;
            }
            if (Bucket(http, source, path + ".rateLimit.local", ctx) is not { } bucket) continue;
            var match = Path(regex);
            if (routes.Any(r => r.Path == match))
            {
                ctx.NotImported(source, path, "An earlier entry has the same path and applies first: this one is not imported.");
                continue;
            }
            // The model has one status for a destination and its routes.
            var routeStatus = http.ResponseStatusCode ?? LocalRateLimit.DefaultStatus;
            if (!statusSet)
            {
                status = routeStatus == LocalRateLimit.DefaultStatus ? null : routeStatus;
                statusSet = true;
            }
            else if (routeStatus != (status ?? LocalRateLimit.DefaultStatus))
            {
                ctx.NotImported(source, path + ".rateLimit.local.responseStatusCode", $"The model answers one status for a destination and its routes: {routeStatus} is not imported, {status ?? LocalRateLimit.DefaultStatus} is.");
            }
            routes.Add(new RouteRateLimit { Path = match, Requests = bucket.Requests, Interval = bucket.Interval, Burst = bucket.Burst });
        }
        if (requests is null && routes.Count == 0) return null;
        return new LocalRateLimit { Requests = requests, Interval = interval, Burst = burst, Status = status, Routes = [.. routes] };
    }

    private static (int Requests, TimeSpan? Interval, int? Burst)? Bucket(HttpLocalRateLimit http, string source, string path, ImportContext ctx)
    {
        if (http.ResponseHeadersToAdd is { Count: > 0 }) ctx.NotImported(source, path + ".responseHeadersToAdd", "The model adds no headers to rate-limited responses: not imported.");
        if (http.ResponseStatusCode is { } status && status is < 400 or > 599)
        {
            ctx.Invalid(source, path + ".responseStatusCode", $"OSM takes a status of 400–599, not {status}.");
        }
        if (http.Requests is not > 0)
        {
            ctx.Invalid(source, path + ".requests", "A local rate limit needs requests of at least 1.");
            return null;
        }
        var unit = Array.FindIndex(Units, u => u.Unit == http.Unit);
        if (unit < 0)
        {
            ctx.Invalid(source, path + ".unit", $"OSM's units are second, minute and hour, not '{http.Unit}'.");
            return null;
        }
        if (http.Burst is < 0) ctx.Invalid(source, path + ".burst", $"A burst must not be negative, not {http.Burst}.");
        var requests = http.Requests.Value;
        int? burst = http.Burst is > 0 and var b ? requests + b : null;
        return (requests, unit == 0 ? null : Units[unit].Length, burst);
    }
}

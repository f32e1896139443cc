using System.Globalization;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Serialization;

namespace Mesh.Validation.Validators;

/// <summary>
/// Validates a <see cref="LocalRateLimit"/>: positive requests, an interval of at least 50ms, a burst no smaller than the
/// requests, a rate-limit status Envoy defines, route limits with a valid path each and no path twice (MESH2029 unless
/// the path itself is malformed). Whether the target can enforce it is <see cref="DestinationPolicyValidator"/>'s check.
/// </summary>
internal sealed class LocalRateLimitValidator : ModelValidator<LocalRateLimit>
{
    public static readonly LocalRateLimitValidator Instance = new();

    /// <summary>The shortest refill interval Envoy's local rate limit accepts.</summary>
    internal static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>The 4xx and 5xx codes of Envoy's <c>envoy.type.v3.StatusCode</c>: the statuses a rate limit may answer.</summary>
    private static readonly HashSet<int> EnvoyStatuses =
    [
        400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 421, 422, 423, 424, 426, 428, 429, 431,
        500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
    ];

    /// <summary>Whether <paramref name="status"/> is a status a rate limit may answer (a 4xx or 5xx code Envoy defines).</summary>
    internal static bool IsStatus(int status) => EnvoyStatuses.Contains(status);

    protected override void Check(LocalRateLimit item, Reporter report)
    {
        if (item.Requests is null)
        {
            if (item.Routes.Count == 0)
            {
                report.Error(nameof(LocalRateLimit.Requests), DiagnosticCodes.InvalidRateLimit, "A rate limit needs requests, route limits, or both.");
            }
            if (item.Interval is not null) report.Error(nameof(LocalRateLimit.Interval), DiagnosticCodes.InvalidRateLimit, "An interval without requests limits nothing; give requests too.");
            if (item.Burst is not null) report.Error(nameof(LocalRateLimit.Burst), DiagnosticCodes.InvalidRateLimit, "A burst without requests limits nothing; give requests too.");
        }
        Bucket(report, string.Empty, item.Requests, item.Interval, item.Burst);
        if (item.Status is { } status && !IsStatus(status))
        {
            report.Error(nameof(LocalRateLimit.Status), DiagnosticCodes.InvalidRateLimit, $"The rate-limit status {status} is not a 4xx or 5xx status Envoy defines (429 is the default).");
        }
        var paths = new HashSet<(PathMatchKind, string)>();
        for (var i = 0; i < item.Routes.Count; i++)
        {
            var prefix = $"{nameof(LocalRateLimit.Routes)}[{i}].";
            if (item.Routes[i] is not { } route)
            {
                report.Error($"{nameof(LocalRateLimit.Routes)}[{i}]", DiagnosticCodes.MissingRequired, "A route limit must not be null.");
                continue;
            }
            Bucket(report, prefix, route.Requests, route.Interval, route.Burst);
            if (route.Path is not { } path)
            {
                report.Error(prefix + nameof(RouteRateLimit.Path), DiagnosticCodes.MissingRequired, "A route limit needs a path.");
                continue;
            }
            if (!Enum.IsDefined(path.Kind))
            {
                report.Enum(prefix + nameof(RouteRateLimit.Path), path.Kind);
                continue;
            }
            var property = $"{prefix}{nameof(RouteRateLimit.Path)}.{WireNames.Of(path.Kind)}";
            if (path.Value is null)
            {
                report.Error(property, DiagnosticCodes.MissingRequired, "The path match needs a value.");
                continue;
            }
            if (path.Kind == PathMatchKind.Regex) report.Regex(property, path.Value);
            else if (!path.Value.StartsWith('/')) report.Error(property, DiagnosticCodes.InvalidPath, $"The path '{path.Value}' must start with '/'.");
            if (!paths.Add((path.Kind, path.Value)))
            {
                report.Error(property, DiagnosticCodes.InvalidRateLimit, $"The path {WireNames.Of(path.Kind)} '{path.Value}' has a route limit already; only the first would apply.");
            }
        }
    }

    private static void Bucket(Reporter report, string prefix, int? requests, TimeSpan? interval, int? burst)
    {
        if (requests is < 1)
        {
            report.Error(prefix + nameof(LocalRateLimit.Requests), DiagnosticCodes.InvalidRateLimit, $"requests must be positive, not {requests}.");
        }
        if (interval is { } i && i < MinimumInterval)
        {
            report.Error(prefix + nameof(LocalRateLimit.Interval), DiagnosticCodes.InvalidRateLimit, $"The interval must be at least 50ms (Envoy refills a token bucket no faster), not {MeshDuration.Format(i)}.");
        }
        else if (interval is { } whole && whole.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            report.Error(prefix + nameof(LocalRateLimit.Interval), DiagnosticCodes.InvalidRateLimit, $"The interval must be whole milliseconds, not {whole.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms.");
        }
        if (burst is { } b && requests is { } r and > 0 && b < r)
        {
            report.Error(prefix + nameof(LocalRateLimit.Burst), DiagnosticCodes.InvalidRateLimit, $"The burst {b} is smaller than the requests per interval ({r}); a burst is at least one interval's requests.");
        }
        else if (burst is < 1)
        {
            report.Error(prefix + nameof(LocalRateLimit.Burst), DiagnosticCodes.InvalidRateLimit, $"The burst must be positive, not {burst}.");
        }
    }
}

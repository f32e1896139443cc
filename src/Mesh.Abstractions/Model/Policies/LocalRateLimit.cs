using Mesh.Collections;

namespace Mesh.Model;

/// <summary>
/// Local rate limiting: each workload of the target (every instance, on its own) accepts at most <see cref="Requests"/>
/// requests per <see cref="Interval"/>, with bursts up to <see cref="Burst"/>, and answers the rest with
/// <see cref="Status"/>; <see cref="Routes"/> give requests on some paths a limit of their own. Enforced by the
/// destination's proxies for every caller. YAML:
/// <c>rateLimit: { requests: 100, interval: 1s, burst: 200, status: 429, routes: [{ path: { prefix: /api }, requests: 10 }] }</c>.
/// </summary>
public sealed record LocalRateLimit
{
    /// <summary>The requests a workload accepts per interval (the token bucket's refill).</summary>
    /// <value>Null when only <see cref="Routes"/> are limited: the workload as a whole is not.</value>
    public int? Requests { get; init; }

    /// <summary>The interval over which <see cref="Requests"/> are counted.</summary>
    /// <value>Null means one second.</value>
    public TimeSpan? Interval { get; init; }

    /// <summary>The most requests accepted at once after a quiet period (the token bucket's size); at least <see cref="Requests"/>.</summary>
    /// <value>Null means <see cref="Requests"/> (no burst beyond one interval's allowance).</value>
    public int? Burst { get; init; }

    /// <summary>The HTTP status answered to a limited request, for the workload and its routes alike.</summary>
    /// <value>Null means 429 (Too Many Requests).</value>
    public int? Status { get; init; }

    /// <summary>Limits of their own for requests whose path matches, the first matching entry applying; such requests do not count against <see cref="Requests"/>.</summary>
    public EquatableArray<RouteRateLimit> Routes { get; init; }

    /// <summary>The interval when none is given: one second.</summary>
    public static TimeSpan DefaultInterval { get; } = TimeSpan.FromSeconds(1);

    /// <summary>The status when none is given: 429 (Too Many Requests).</summary>
    public const int DefaultStatus = 429;
}

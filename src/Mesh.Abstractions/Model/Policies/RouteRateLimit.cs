namespace Mesh.Model;

/// <summary>
/// A limit of its own for the requests whose path matches: each workload accepts at most <see cref="Requests"/> of them
/// per <see cref="Interval"/>, with bursts up to <see cref="Burst"/>. YAML:
/// <c>{ path: { prefix: /api }, requests: 10, interval: 1s, burst: 20 }</c>.
/// </summary>
public sealed record RouteRateLimit
{
    /// <summary>The requests this limit applies to.</summary>
    public required PathMatch Path { get; init; }

    /// <summary>The matching requests a workload accepts per interval.</summary>
    public required int Requests { get; init; }

    /// <summary>The interval over which <see cref="Requests"/> are counted.</summary>
    /// <value>Null means one second.</value>
    public TimeSpan? Interval { get; init; }

    /// <summary>The most matching requests accepted at once; at least <see cref="Requests"/>.</summary>
    /// <value>Null means <see cref="Requests"/>.</value>
    public int? Burst { get; init; }
}

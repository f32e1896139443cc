namespace Mesh.Model;

/// <summary>
/// Slow start: a new endpoint's share of traffic grows over <see cref="Duration"/> instead of arriving at full weight. YAML:
/// <c>warmup: { duration: 30s, minimumPercent: 10, aggression: 1 }</c>.
/// </summary>
public sealed record Warmup
{
    /// <summary>How long a new endpoint warms up.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>The smallest share of its weight, in percent (0–100), an endpoint gets while warming up, or null for the mesh's default (10).</summary>
    public decimal? MinimumPercent { get; init; }

    /// <summary>How fast traffic grows: 1 is linear, larger values start slower and speed up; null for the mesh's default (1).</summary>
    public decimal? Aggression { get; init; }
}

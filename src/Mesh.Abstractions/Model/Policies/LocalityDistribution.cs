using Mesh.Collections;

namespace Mesh.Model;

/// <summary>Where callers in one locality send their traffic, by percentage. YAML: <c>{ from: us-west/zone1/*, to: { "us-west/zone1/*": 80, "us-west/zone2/*": 20 } }</c>.</summary>
public sealed record LocalityDistribution
{
    /// <summary>The callers' locality (<c>region/zone/subZone</c>, <c>*</c> for any part).</summary>
    public required string From { get; init; }

    /// <summary>Destination localities and their share of the traffic in percent; the shares sum to 100.</summary>
    public EquatableMap<int> To { get; init; }
}

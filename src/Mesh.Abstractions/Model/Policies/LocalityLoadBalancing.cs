using Mesh.Collections;

namespace Mesh.Model;

/// <summary>
/// Locality-aware load balancing: where each caller's locality sends its traffic (<see cref="Distribute"/>) or where it fails
/// over when its own locality's endpoints are unhealthy (<see cref="Failover"/>, <see cref="FailoverPriority"/>). Localities are
/// <c>region/zone/subZone</c>, each part optional from the right and <c>*</c> for any. YAML:
/// <c>locality: { failover: [{ from: us-east, to: us-west }] }</c> or
/// <c>locality: { distribute: [{ from: us-west/zone1/*, to: { "us-west/zone1/*": 80, "us-west/zone2/*": 20 } }] }</c>.
/// </summary>
public sealed record LocalityLoadBalancing
{
    /// <summary>Whether locality-aware balancing is on; null for the mesh's default. False turns it off for the destination.</summary>
    public bool? Enabled { get; init; }

    /// <summary>Traffic distribution by caller locality; each entry's weights sum to 100. Not combined with <see cref="Failover"/>.</summary>
    public EquatableArray<LocalityDistribution> Distribute { get; init; }

    /// <summary>Region-to-region failover; each entry's regions differ. Not combined with <see cref="Distribute"/>.</summary>
    public EquatableArray<LocalityFailover> Failover { get; init; }

    /// <summary>
    /// An ordered list of endpoint labels: endpoints that share more of them (in order) with the caller are preferred. Not
    /// combined with <see cref="Distribute"/>.
    /// </summary>
    public EquatableArray<string> FailoverPriority { get; init; }
}

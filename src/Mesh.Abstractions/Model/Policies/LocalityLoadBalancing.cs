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

    /// <summary>Whether <paramref name="locality"/> is <c>region[/zone[/subZone]]</c> with non-empty parts, where a <c>*</c> part may only come last.</summary>
    /// <param name="locality">The text.</param>
    public static bool IsLocality(string? locality)
    {
        if (string.IsNullOrEmpty(locality)) return false;
        var parts = locality.Split('/');
        if (parts.Length > 3) return false;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length == 0 || part.Any(char.IsWhiteSpace)) return false;
            if (part.Contains('*') && (part != "*" || i != parts.Length - 1)) return false;
        }
        return true;
    }

    /// <summary>Whether <paramref name="region"/> is a region name (no <c>/</c>, <c>*</c> or spaces), as failover takes.</summary>
    /// <param name="region">The text.</param>
    public static bool IsRegion(string? region) =>
        !string.IsNullOrEmpty(region) && !region.Contains('/') && !region.Contains('*') && !region.Any(char.IsWhiteSpace);
}

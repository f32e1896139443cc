namespace Mesh.Xds;

/// <summary>Where an endpoint runs. YAML: <c>{ region: r1, zone: z1, subZone: s1 }</c>.</summary>
/// <param name="Region">The region; empty when unknown.</param>
/// <param name="Zone">The zone within the region, or null.</param>
/// <param name="SubZone">The sub-zone within the zone, or null.</param>
public sealed record EndpointLocality(string Region, string? Zone = null, string? SubZone = null)
{
    /// <summary>The locality of endpoints that declare none: every part empty.</summary>
    public static EndpointLocality Unknown { get; } = new(string.Empty);
}

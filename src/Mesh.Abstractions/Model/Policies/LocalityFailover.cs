namespace Mesh.Model;

/// <summary>The region traffic fails over to when a region's endpoints are unhealthy. YAML: <c>{ from: us-east, to: us-west }</c>.</summary>
public sealed record LocalityFailover
{
    /// <summary>The callers' region.</summary>
    public required string From { get; init; }

    /// <summary>The region to fail over to.</summary>
    public required string To { get; init; }
}

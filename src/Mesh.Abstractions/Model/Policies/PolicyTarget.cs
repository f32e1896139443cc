namespace Mesh.Model;

/// <summary>What a policy applies to: a service, or one subset of it. YAML: <c>{ service: reviews.bookinfo, subset: v2 }</c>.</summary>
public sealed record PolicyTarget
{
    /// <summary>The service.</summary>
    public required ServiceRef Service { get; init; }

    /// <summary>The subset, or null for the whole service.</summary>
    public string? Subset { get; init; }
}

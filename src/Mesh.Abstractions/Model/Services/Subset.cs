using Mesh.Collections;

namespace Mesh.Model;

/// <summary>A named subset of a service's workloads — typically a version — selected by pod labels.</summary>
public sealed record Subset
{
    /// <summary>The subset name, e.g. <c>v1</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The labels a workload must carry to belong to the subset.</summary>
    public EquatableMap<string> Labels { get; init; }
}

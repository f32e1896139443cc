namespace Mesh.Graph;

/// <summary>What <see cref="MeshGraph.Render"/> draws and how.</summary>
public sealed record MeshGraphOptions
{
    /// <summary>The text format. Default: <see cref="GraphFormat.Mermaid"/>.</summary>
    public GraphFormat Format { get; init; } = GraphFormat.Mermaid;

    /// <summary>
    /// Draw only the services, external services and policies of this namespace, and what their routes and callers touch
    /// elsewhere; null for the whole mesh.
    /// </summary>
    public string? Namespace { get; init; }
}

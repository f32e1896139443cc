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

    /// <summary>
    /// Model paths whose edges are drawn highlighted (red, thicker): a rule (<c>$.spec.routes[0].rules[1]</c>), a part of one
    /// (<c>…rules[1].backends</c>, as <see cref="Analysis.MeshChange"/> and <see cref="Analysis.BehaviourChange"/> name them),
    /// a TCP route or an access policy. Null or empty: nothing highlighted.
    /// </summary>
    public IReadOnlyCollection<string>? Highlight { get; init; }
}

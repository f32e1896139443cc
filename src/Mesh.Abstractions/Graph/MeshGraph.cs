using Mesh.Model;

namespace Mesh.Graph;

/// <summary>
/// Draws a model: services and their subsets as nodes (grouped by namespace, annotated with ports, mTLS mode and
/// destination policy), route rules as edges labelled with their matches, traffic shares, timeouts and retries, mirrors,
/// external services at the edge, and who may (or may not) call whom. As Mermaid (rendered by code-hosting sites and
/// Markdown viewers) or Graphviz DOT (<c>dot -Tsvg</c>).
/// </summary>
/// <example>
/// <code>
/// File.WriteAllText("mesh.mmd", MeshGraph.Render(config));
/// File.WriteAllText("mesh.dot", MeshGraph.Render(config, new MeshGraphOptions { Format = GraphFormat.Dot, Namespace = "shop" }));
/// </code>
/// </example>
public static class MeshGraph
{
    /// <summary>Renders <paramref name="config"/>.</summary>
    /// <param name="config">The model; an invalid one is drawn as far as it goes (dangling references become nodes marked as such).</param>
    /// <param name="options">Format and scope; defaults to the whole mesh as Mermaid.</param>
    /// <returns>The picture's text, deterministic for a given model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="config"/> is <see langword="null"/>.</exception>
    public static string Render(MeshConfig config, MeshGraphOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        options ??= new MeshGraphOptions();
        var graph = new GraphBuilder(config, options).Build();
        return options.Format == GraphFormat.Dot ? DotWriter.Write(graph, options.Highlight) : MermaidWriter.Write(graph, options.Highlight);
    }
}

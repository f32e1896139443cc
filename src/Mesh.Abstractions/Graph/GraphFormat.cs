namespace Mesh.Graph;

/// <summary>The text formats <see cref="MeshGraph.Render"/> writes.</summary>
public enum GraphFormat
{
    /// <summary>A Mermaid flowchart, rendered by code-hosting sites and Markdown viewers (in a <c>```mermaid</c> block).</summary>
    Mermaid,

    /// <summary>Graphviz DOT, for <c>dot -Tsvg</c> and other Graphviz tools.</summary>
    Dot,
}

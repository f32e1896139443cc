using System.Text;

namespace Mesh.Graph;

/// <summary>
/// Graphviz DOT (left to right): a cluster per namespace holding its services and subsets, external services dashed,
/// callers as hexagons; traffic solid, mirrors dashed, allows bold green and denies red with a tee. Strings are quoted with
/// <c>"</c> and <c>\</c> escaped.
/// </summary>
internal static class DotWriter
{
    public static string Write(GraphModel graph, IReadOnlyCollection<string>? highlight)
    {
        var text = new StringBuilder("digraph mesh {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=9];\n");
        foreach (var group in graph.Nodes.Where(n => n.Group is not null).GroupBy(n => n.Group!))
        {
            text.Append("  subgraph ").Append(GraphModel.Id("cluster", group.Key)).Append(" {\n    label=").Append(Quote(group.Key)).Append(";\n    style=rounded;\n");
            foreach (var node in group) Node(text, node, "    ");
            text.Append("  }\n");
        }
        foreach (var node in graph.Nodes.Where(n => n.Group is null)) Node(text, node, "  ");
        foreach (var edge in graph.Edges)
        {
            var style = edge.Kind switch
            {
                EdgeKind.Mirror => ", style=dashed",
                EdgeKind.Allow => ", style=bold, color=darkgreen",
                EdgeKind.Deny => ", color=red, arrowhead=tee",
                _ => string.Empty,
            };
            if (edge.IsIn(highlight)) style += ", color=\"#d62728\", fontcolor=\"#d62728\", penwidth=3";
            text.Append("  ").Append(edge.From).Append(" -> ").Append(edge.To).Append(" [label=").Append(Quote(string.Join("\n", edge.Lines))).Append(style).Append("];\n");
        }
        return text.Append("}\n").ToString();
    }

    private static void Node(StringBuilder text, GraphNode node, string indent)
    {
        var shape = node.Kind switch
        {
            NodeKind.Subset => ", shape=ellipse",
            NodeKind.External => ", style=dashed",
            NodeKind.Caller => ", shape=hexagon",
            _ => string.Empty,
        };
        text.Append(indent).Append(node.Id).Append(" [label=").Append(Quote(string.Join("\n", node.Lines))).Append(shape).Append("];\n");
    }

    /// <summary>A DOT string: backslashes and quotes escaped, line breaks as <c>\n</c>.</summary>
    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}

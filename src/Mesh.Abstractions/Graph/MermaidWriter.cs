using System.Text;

namespace Mesh.Graph;

/// <summary>
/// A Mermaid flowchart (left to right): a subgraph per namespace holding its services and their subsets, external services
/// and callers outside any; traffic as solid arrows, mirrors dotted, allows as thick arrows and denies crossed. Labels are
/// quoted, with <c>"</c> and markup characters written as entities so no label can break the chart.
/// </summary>
internal static class MermaidWriter
{
    public static string Write(GraphModel graph, IReadOnlyCollection<string>? highlight)
    {
        var text = new StringBuilder("flowchart LR\n");
        foreach (var group in graph.Nodes.Where(n => n.Group is not null).GroupBy(n => n.Group!))
        {
            text.Append("  subgraph ").Append(GraphModel.Id("ns", group.Key)).Append("[\"").Append(Escape(group.Key)).Append("\"]\n");
            foreach (var node in group) Node(text, node, "    ");
            text.Append("  end\n");
        }
        foreach (var node in graph.Nodes.Where(n => n.Group is null)) Node(text, node, "  ");
        foreach (var edge in graph.Edges)
        {
            var arrow = edge.Kind switch
            {
                EdgeKind.Mirror => "-.->",
                EdgeKind.Allow => "==>",
                EdgeKind.Deny => "--x",
                _ => "-->",
            };
            text.Append("  ").Append(edge.From).Append(' ').Append(arrow).Append("|\"").Append(Lines(edge.Lines)).Append("\"| ").Append(edge.To).Append('\n');
        }
        foreach (var node in graph.Nodes.Where(n => n.Kind == NodeKind.External)) text.Append("  style ").Append(node.Id).Append(" stroke-dasharray: 5 5\n");
        // Highlighted edges (what changed) by their index, Mermaid's only handle on an edge.
        for (var i = 0; i < graph.Edges.Count; i++)
        {
            if (graph.Edges[i].IsIn(highlight)) text.Append("  linkStyle ").Append(i).Append(" stroke:#d62728,stroke-width:3px\n");
        }
        return text.ToString();
    }

    private static void Node(StringBuilder text, GraphNode node, string indent)
    {
        var (open, close) = node.Kind switch
        {
            NodeKind.Subset => ("([\"", "\"])"),
            NodeKind.External => ("[/\"", "\"/]"),
            NodeKind.Caller => ("{{\"", "\"}}"),
            _ => ("[\"", "\"]"),
        };
        text.Append(indent).Append(node.Id).Append(open).Append(Lines(node.Lines)).Append(close).Append('\n');
    }

    private static string Lines(IEnumerable<string> lines) => string.Join("<br/>", lines.Select(Escape));

    /// <summary>Characters Mermaid would read as syntax or markup, as entity codes (<c>#quot;</c>, <c>#lt;</c>, …).</summary>
    private static string Escape(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "#quot;",
                '<' => "#lt;",
                '>' => "#gt;",
                '&' => "#amp;",
                '|' => "#124;",
                '#' => "#35;",
                '\n' or '\r' => " ",
                _ => c.ToString(),
            });
        }
        return text.ToString();
    }
}

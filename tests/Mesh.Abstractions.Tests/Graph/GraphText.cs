using System.Text.RegularExpressions;

namespace Mesh.Abstractions.Tests.Graph;

/// <summary>Reads back the node ids and edges of the pictures, to check their structure.</summary>
internal static partial class GraphText
{
    [GeneratedRegex(@"^\s*([A-Za-z0-9_]+)(\[""|\(\[""|\[/""|\{\{"")", RegexOptions.Multiline)]
    private static partial Regex MermaidNode();

    [GeneratedRegex(@"^\s*([A-Za-z0-9_]+) (-->|-\.->|==>|--x)\|""([^""]*)""\| ([A-Za-z0-9_]+)$", RegexOptions.Multiline)]
    private static partial Regex MermaidEdge();

    [GeneratedRegex(@"^\s*([A-Za-z0-9_]+) \[label=", RegexOptions.Multiline)]
    private static partial Regex DotNode();

    [GeneratedRegex(@"^\s*([A-Za-z0-9_]+) -> ([A-Za-z0-9_]+) \[label=""((?:[^""\\]|\\.)*)""(.*)\];$", RegexOptions.Multiline)]
    private static partial Regex DotEdge();

    public static (HashSet<string> Nodes, List<(string From, string Arrow, string Label, string To)> Edges) Mermaid(string text) =>
        ([.. MermaidNode().Matches(text).Select(m => m.Groups[1].Value)],
         [.. MermaidEdge().Matches(text).Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value))]);

    public static (HashSet<string> Nodes, List<(string From, string To, string Label, string Style)> Edges) Dot(string text) =>
        ([.. DotNode().Matches(text).Select(m => m.Groups[1].Value)],
         [.. DotEdge().Matches(text).Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value))]);
}

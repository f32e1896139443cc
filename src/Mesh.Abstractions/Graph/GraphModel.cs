namespace Mesh.Graph;

/// <summary>What a node stands for; each kind is drawn in its own shape.</summary>
internal enum NodeKind
{
    Service,
    Subset,
    External,
    Caller,
}

/// <summary>How an edge is drawn: a route's traffic, a mirror's copy, or a permission (allow or deny).</summary>
internal enum EdgeKind
{
    Traffic,
    Mirror,
    Allow,
    Deny,
}

/// <summary>A node: a stable id (letters, digits, underscores), its label lines, and the group (namespace, service) it is drawn in.</summary>
internal sealed record GraphNode(string Id, NodeKind Kind, IReadOnlyList<string> Lines, string? Group, string? Parent);

/// <summary>An edge between two node ids, with its label lines and the model path of what it draws (a rule, a TCP route, a policy).</summary>
internal sealed record GraphEdge(string From, string To, EdgeKind Kind, IReadOnlyList<string> Lines, string Path)
{
    /// <summary>Whether one of <paramref name="paths"/> is this edge's path, inside it, or contains it.</summary>
    public bool IsIn(IReadOnlyCollection<string>? paths) =>
        paths is not null && paths.Any(p => p == Path || p.StartsWith(Path + ".", StringComparison.Ordinal) || p.StartsWith(Path + "[", StringComparison.Ordinal) || Path.StartsWith(p + ".", StringComparison.Ordinal) || Path.StartsWith(p + "[", StringComparison.Ordinal));
}

/// <summary>The picture before it is written: nodes in model order (added once), edges, and the groups' titles.</summary>
internal sealed class GraphModel
{
    private readonly Dictionary<string, GraphNode> _nodes = new(StringComparer.Ordinal);

    public List<GraphNode> Nodes { get; } = [];

    public List<GraphEdge> Edges { get; } = [];

    public bool Has(string id) => _nodes.ContainsKey(id);

    public void Add(GraphNode node)
    {
        if (_nodes.TryAdd(node.Id, node)) Nodes.Add(node);
    }

    /// <summary>A node id from parts: anything but letters and digits becomes <c>_</c>, and a hash keeps ids apart that would collide.</summary>
    public static string Id(string prefix, params string?[] parts)
    {
        var text = string.Join("/", parts);
        var safe = new string([.. text.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);
        // Distinct inputs that sanitise alike (a-b and a_b) keep distinct ids.
        var hash = (uint)StableHash(text) % 46656;
        return $"{prefix}_{safe}_{Base36(hash)}";
    }

    private static int StableHash(string s)
    {
        unchecked
        {
            var h = (int)2166136261;
            foreach (var c in s) h = (h ^ c) * 16777619;
            return h;
        }
    }

    private static string Base36(uint value)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var chars = new char[3];
        for (var i = 2; i >= 0; i--)
        {
            chars[i] = digits[(int)(value % 36)];
            value /= 36;
        }
        return new string(chars);
    }
}

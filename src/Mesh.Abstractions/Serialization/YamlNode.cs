namespace Mesh.Serialization;

/// <summary>The kinds of node in a parsed YAML document.</summary>
public enum YamlNodeKind
{
    /// <summary>A scalar: text, typed by the reader of the format.</summary>
    Scalar,

    /// <summary>A sequence of nodes.</summary>
    Sequence,

    /// <summary>A mapping: keys and values alternately in <see cref="YamlNode.Children"/>.</summary>
    Mapping,
}

/// <summary>
/// One node of a document read by <see cref="YamlStreamReader"/>: a scalar with its text, or a sequence or mapping of
/// child nodes (a mapping holds keys and values alternately). Built iteratively, so depth never touches the call stack.
/// Where the input used a YAML alias, the aliased node is shared, not copied; <see cref="Size"/> counts it as expanded.
/// </summary>
public sealed class YamlNode
{
    internal YamlNode(YamlNodeKind kind, int line, int column, string value, bool isPlain)
    {
        Kind = kind;
        Line = line;
        Column = column;
        Value = value;
        IsPlain = isPlain;
    }

    /// <summary>What the node is.</summary>
    public YamlNodeKind Kind { get; }

    /// <summary>The 1-based line where the node starts.</summary>
    public int Line { get; }

    /// <summary>The 1-based column where the node starts.</summary>
    public int Column { get; }

    /// <summary>The text of a scalar; empty for collections.</summary>
    public string Value { get; }

    /// <summary>Whether a scalar was written plain (unquoted, untagged), so its type is resolved from its text.</summary>
    public bool IsPlain { get; }

    /// <summary>Sequence items, or mapping keys and values alternately.</summary>
    public IReadOnlyList<YamlNode> Children => (IReadOnlyList<YamlNode>?)_items ?? [];

    /// <summary>The number of nodes in this subtree with every alias expanded (1 for a scalar).</summary>
    public long Size { get; internal set; } = 1;

    /// <summary>The nesting depth of collections below this node with every alias expanded (0 for a scalar or an empty collection).</summary>
    public int Height { get; internal set; }

    // Created on the first child: a million scalars need no million empty lists.
    private List<YamlNode>? _items;

    internal void Add(YamlNode child) => (_items ??= []).Add(child);

    private ScalarType? _scalarType;

    /// <summary>
    /// What a scalar means under the YAML 1.2 core schema: plain scalars are typed by their text, quoted and tagged ones are
    /// strings (as are collections). Every reader of the SDK types scalars this one way; resolved once.
    /// </summary>
    public ScalarType ScalarType => _scalarType ??= Kind == YamlNodeKind.Scalar && IsPlain ? ScalarTypes.Resolve(Value) : ScalarType.String;

    /// <summary>Whether this is a plain null scalar (<c>~</c>, <c>null</c> or nothing).</summary>
    internal bool IsNull => Kind == YamlNodeKind.Scalar && IsPlain && ScalarType == ScalarType.Null;

    /// <summary>A short description for messages: "a mapping", "a sequence", "the integer 5".</summary>
    internal string Describe() => Kind switch
    {
        YamlNodeKind.Mapping => "a mapping",
        YamlNodeKind.Sequence => "a sequence",
        _ => ScalarType switch
        {
            ScalarType.Null => "null",
            ScalarType.Bool => $"the boolean {Value}",
            ScalarType.Int => $"the integer {Value}",
            ScalarType.Float => $"the number {Value}",
            _ => $"the string '{Value}'",
        },
    };
}

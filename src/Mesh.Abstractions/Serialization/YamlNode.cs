namespace Mesh.Serialization;

/// <summary>The kinds of node in a parsed document.</summary>
internal enum YamlNodeKind
{
    Scalar,
    Sequence,
    Mapping,
}

/// <summary>
/// One node of a parsed document: a scalar with its text, or a sequence or mapping of child nodes
/// (a mapping holds keys and values alternately). Built iteratively, so depth never touches the call stack.
/// </summary>
internal sealed class YamlNode
{
    public YamlNodeKind Kind { get; init; }

    public int Line { get; init; }

    public int Column { get; init; }

    /// <summary>The text of a scalar; empty for collections.</summary>
    public string Value { get; init; } = string.Empty;

    /// <summary>Whether a scalar was written plain (unquoted, untagged), so its type is resolved from its text.</summary>
    public bool IsPlain { get; init; }

    /// <summary>Sequence items, or mapping keys and values alternately.</summary>
    public List<YamlNode> Children { get; } = [];

    private ScalarType? _scalarType;

    /// <summary>The type a scalar's text resolves to (quoted scalars are always strings); resolved once.</summary>
    public ScalarType ScalarType => _scalarType ??= Kind == YamlNodeKind.Scalar && IsPlain ? ScalarTypes.Resolve(Value) : ScalarType.String;

    /// <summary>Whether this is a plain null scalar (<c>~</c>, <c>null</c> or nothing).</summary>
    public bool IsNull => Kind == YamlNodeKind.Scalar && IsPlain && ScalarType == ScalarType.Null;

    /// <summary>A short description for messages: "a mapping", "a sequence", "the integer 5".</summary>
    public string Describe() => Kind switch
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

using System.Text.RegularExpressions;
using Mesh.Serialization;

namespace Mesh.Xds;

/// <summary>What a scalar of the endpoints file means under the YAML 1.2 core schema.</summary>
internal enum EndpointScalarType
{
    Null,
    Bool,
    Int,
    Float,
    String,
}

/// <summary>
/// YAML 1.2 core-schema resolution of the endpoints file's scalars: the same patterns as the mesh model reader
/// (<c>Mesh.Serialization.ScalarTypes</c>, internal to Mesh.Abstractions), so a value means the same in both files.
/// Quoted and tagged scalars (<see cref="YamlNode.IsPlain"/> false) are strings.
/// </summary>
internal static partial class EndpointScalars
{
    public static EndpointScalarType Resolve(YamlNode node)
    {
        if (node.Kind != YamlNodeKind.Scalar || !node.IsPlain) return EndpointScalarType.String;
        var text = node.Value;
        if (NullPattern().IsMatch(text)) return EndpointScalarType.Null;
        if (BoolPattern().IsMatch(text)) return EndpointScalarType.Bool;
        if (IntPattern().IsMatch(text)) return EndpointScalarType.Int;
        if (FloatPattern().IsMatch(text)) return EndpointScalarType.Float;
        return EndpointScalarType.String;
    }

    [GeneratedRegex("^(~|null|Null|NULL)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NullPattern();

    [GeneratedRegex("^(true|True|TRUE|false|False|FALSE)$", RegexOptions.CultureInvariant)]
    private static partial Regex BoolPattern();

    [GeneratedRegex("^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}

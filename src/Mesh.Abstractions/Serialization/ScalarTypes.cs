using System.Text.RegularExpressions;

namespace Mesh.Serialization;

/// <summary>What a scalar means under the YAML 1.2 core schema (<see cref="YamlNode.ScalarType"/>).</summary>
public enum ScalarType
{
    /// <summary><c>~</c>, <c>null</c>, <c>Null</c>, <c>NULL</c> or nothing, written plain.</summary>
    Null,

    /// <summary><c>true</c> or <c>false</c> (also capitalised or upper case), written plain.</summary>
    Bool,

    /// <summary>A decimal, <c>0o</c> octal or <c>0x</c> hexadecimal integer, written plain.</summary>
    Int,

    /// <summary>A decimal or exponent number, <c>.inf</c> or <c>.nan</c>, written plain.</summary>
    Float,

    /// <summary>Anything else, and every quoted or tagged scalar.</summary>
    String,
}

/// <summary>YAML 1.2 core-schema resolution of plain scalars, and the quoting rule that keeps strings strings.</summary>
internal static partial class ScalarTypes
{
    public static ScalarType Resolve(string text)
    {
        if (NullPattern().IsMatch(text)) return ScalarType.Null;
        if (BoolPattern().IsMatch(text)) return ScalarType.Bool;
        if (IntPattern().IsMatch(text)) return ScalarType.Int;
        if (FloatPattern().IsMatch(text)) return ScalarType.Float;
        return ScalarType.String;
    }

    /// <summary>
    /// Whether a string must be quoted to read back as a string: it would resolve to another type under the
    /// 1.2 core schema, or under YAML 1.1 (yes/no/on/off, 1_000, 1:30) that other tools still apply.
    /// </summary>
    public static bool NeedsQuotes(string text) =>
        Resolve(text) != ScalarType.String || Yaml11Pattern().IsMatch(text);

    [GeneratedRegex("^(~|null|Null|NULL)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NullPattern();

    [GeneratedRegex("^(true|True|TRUE|false|False|FALSE)$", RegexOptions.CultureInvariant)]
    private static partial Regex BoolPattern();

    [GeneratedRegex("^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?0b[01_]+|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])*(\.[0-9_]*)?|[-+]?\.[0-9_]+|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*|<<|=)$", RegexOptions.CultureInvariant)]
    private static partial Regex Yaml11Pattern();
}

using System.Text.RegularExpressions;

namespace Mesh.Serialization;

/// <summary>What a plain scalar's text means under the YAML 1.2 core schema.</summary>
internal enum ScalarType
{
    Null,
    Bool,
    Int,
    Float,
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

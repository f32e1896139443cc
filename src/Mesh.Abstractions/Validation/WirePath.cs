using System.Text;

namespace Mesh.Validation;

/// <summary>
/// Turns the property chain FluentValidation builds (<c>Routes[1].Rules[0].Backends[2].Weight</c>) into a JSON path
/// in YAML wire names (<c>$.spec.routes[1].rules[0].backends[2].weight</c>). Map keys travel in the chain as
/// <c>Subsets["v1"]</c> (see <see cref="Key"/>) so their case survives: they become <c>subsets.v1</c>.
/// </summary>
internal static class WirePath
{
    public const string Root = "$.spec";

    public const string MetadataName = "$.metadata.name";

    /// <summary>A chain segment for the entry <paramref name="key"/> of the map property <paramref name="property"/>.</summary>
    public static string Key(string property, string key) =>
        $"{property}[\"{key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"]";

    /// <summary>Converts a FluentValidation property chain to a wire JSON path.</summary>
    public static string FromPropertyChain(string? chain)
    {
        if (string.IsNullOrEmpty(chain)) return Root;
        if (chain == nameof(Model.MeshConfig.Name)) return MetadataName;
        var builder = new StringBuilder(Root, Root.Length + chain.Length + 8);
        var i = 0;
        while (i < chain.Length)
        {
            var c = chain[i];
            if (c == '.')
            {
                i++;
                continue;
            }
            if (c == '[')
            {
                i = AppendBracket(chain, i, builder);
                continue;
            }
            var start = i;
            while (i < chain.Length && chain[i] != '.' && chain[i] != '[') i++;
            builder.Append('.').Append(char.ToLowerInvariant(chain[start])).Append(chain, start + 1, i - start - 1);
        }
        return builder.ToString();
    }

    private static int AppendBracket(string chain, int open, StringBuilder builder)
    {
        if (open + 1 < chain.Length && chain[open + 1] == '"')
        {
            var key = new StringBuilder();
            var i = open + 2;
            while (i < chain.Length && chain[i] != '"')
            {
                if (chain[i] == '\\' && i + 1 < chain.Length) i++;
                key.Append(chain[i]);
                i++;
            }
            // Skip the closing quote and bracket.
            i = Math.Min(chain.Length, i + 2);
            var text = key.ToString();
            if (text.Length > 0 && text.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_'))
            {
                builder.Append('.').Append(text);
            }
            else
            {
                builder.Append("['").Append(text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
            }
            return i;
        }
        var close = chain.IndexOf(']', open);
        var end = close < 0 ? chain.Length : close + 1;
        builder.Append(chain, open, end - open);
        return end;
    }
}

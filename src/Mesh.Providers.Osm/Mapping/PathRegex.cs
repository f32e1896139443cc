using System.Text;

namespace Mesh.Providers.Osm.Mapping;

/// <summary>
/// An access path pattern of the model — exact (<c>/a</c>), prefix (<c>/a/*</c>), suffix (<c>*.js</c>) or any (<c>*</c>) — as
/// an HTTPRouteGroup <c>pathRegex</c>, which OSM gives Envoy as a regex the whole path must match (RE2).
/// </summary>
internal static class PathRegex
{
    public static string Of(string pattern)
    {
        if (pattern == "*") return ".*";
        if (pattern.StartsWith('*')) return ".*" + Escape(pattern[1..]);
        if (pattern.EndsWith('*')) return Escape(pattern[..^1]) + ".*";
        return Escape(pattern);
    }

    /// <summary>
    /// The model path pattern a <c>pathRegex</c> stands for — <c>.*</c> any, <c>.*lit</c> suffix, <c>lit.*</c> prefix, or a literal —,
    /// or null when it is a regex of another form (the model's access paths are not regexes).
    /// </summary>
    public static string? ToPattern(string regex)
    {
        if (regex is ".*" or "") return "*";
        if (regex.StartsWith(".*", StringComparison.Ordinal)) return Unescape(regex[2..]) is { Length: > 0 } suffix ? "*" + suffix : null;
        if (regex.EndsWith(".*", StringComparison.Ordinal) && !regex.EndsWith(@"\.*", StringComparison.Ordinal)) return Unescape(regex[..^2]) is { } prefix && prefix.StartsWith('/') ? prefix + "*" : null;
        return Unescape(regex) is { } literal && literal.StartsWith('/') ? literal : null;
    }

    /// <summary>The literal text <paramref name="regex"/> matches, or null when it holds an unescaped metacharacter.</summary>
    internal static string? Unescape(string regex)
    {
        var builder = new StringBuilder(regex.Length);
        for (var i = 0; i < regex.Length; i++)
        {
            var c = regex[i];
            if (c == '\\')
            {
                if (i + 1 >= regex.Length || !Meta.Contains(regex[i + 1], StringComparison.Ordinal)) return null;
                builder.Append(regex[++i]);
            }
            else if (Meta.Contains(c, StringComparison.Ordinal) || c == '*')
            {
                return null;
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private const string Meta = @"\.+*?()|[]{}^$";

    /// <summary>Escapes RE2's metacharacters.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            if (@"\.+*?()|[]{}^$".Contains(c, StringComparison.Ordinal)) builder.Append('\\');
            builder.Append(c);
        }
        return builder.ToString();
    }
}

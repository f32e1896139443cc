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

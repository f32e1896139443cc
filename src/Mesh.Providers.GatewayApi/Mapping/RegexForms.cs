using System.Text;

namespace Mesh.Providers.GatewayApi.Mapping;

/// <summary>
/// Prefix and presence matches as the regular expressions Gateway API can carry, and back: a prefix <c>p</c> is
/// <c>^</c> + <c>p</c> escaped + <c>.*</c>, presence is <c>.*</c>. Both mean the same under a full match (Envoy's) and an
/// unanchored search (Linkerd's), and the import reads exactly these forms back as prefix and presence.
/// </summary>
internal static class RegexForms
{
    /// <summary>The regex that matches any value: the header or parameter is present.</summary>
    public const string Present = ".*";

    private const string Special = @"\.+*?()|[]{}^$";

    /// <summary>The regex of the values that start with <paramref name="prefix"/>.</summary>
    public static string Prefix(string prefix)
    {
        if (prefix.Length == 0) return Present;
        var text = new StringBuilder(prefix.Length + 4).Append('^');
        foreach (var c in prefix)
        {
            if (Special.Contains(c, StringComparison.Ordinal)) text.Append('\\');
            text.Append(c);
        }
        return text.Append(".*").ToString();
    }

    /// <summary>The literal prefix of a regex written by <see cref="Prefix"/>, else null.</summary>
    public static string? ParsePrefix(string regex)
    {
        if (regex.Length < 4 || regex[0] != '^' || !regex.EndsWith(".*", StringComparison.Ordinal)) return null;
        var body = regex.AsSpan(1, regex.Length - 3);
        var literal = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\\')
            {
                if (i + 1 >= body.Length || !Special.Contains(body[i + 1], StringComparison.Ordinal)) return null;
                literal.Append(body[++i]);
            }
            else if (Special.Contains(c, StringComparison.Ordinal))
            {
                return null;
            }
            else
            {
                literal.Append(c);
            }
        }
        return literal.Length == 0 ? null : literal.ToString();
    }
}

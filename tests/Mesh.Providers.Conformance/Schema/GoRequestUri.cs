namespace Mesh.Providers.Conformance.Schema;

/// <summary>
/// What Go's <c>url.ParseRequestURI</c> accepts, which is what the Kubernetes CEL URL library's <c>isURL</c> and <c>url</c>
/// call: an absolute URI (<c>scheme:…</c>) or an absolute path (<c>/…</c>); no fragment is split off. Checked here: control
/// characters, the scheme syntax, the port and the characters of the host, and the percent-escapes of the path.
/// </summary>
public static class GoRequestUri
{
    /// <summary>Parses <paramref name="text"/>; false where Go returns an error.</summary>
    /// <param name="text">The text.</param>
    /// <param name="scheme">The scheme, lower-cased (empty for an absolute path).</param>
    /// <param name="host">The host (with the port), empty when there is no authority.</param>
    public static bool TryParse(string text, out string scheme, out string host)
    {
        ArgumentNullException.ThrowIfNull(text);
        scheme = string.Empty;
        host = string.Empty;
        if (text.Length == 0 || text.Any(c => c < 0x20 || c == 0x7f)) return false;
        if (text == "*") return true;
        var rest = text;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetter(c)) continue;
            if (char.IsAsciiDigit(c) || c is '+' or '-' or '.')
            {
                if (i == 0) break;
                continue;
            }
            if (c == ':')
            {
                if (i == 0) return false;
                scheme = text[..i].ToLowerInvariant();
                rest = text[(i + 1)..];
            }
            break;
        }
        var query = rest.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0) rest = rest[..query];
        if (!rest.StartsWith('/'))
        {
            // A rootless path after a scheme is opaque (accepted); without a scheme it is not a request URI.
            return scheme.Length > 0;
        }
        if (scheme.Length > 0 && rest.StartsWith("//", StringComparison.Ordinal))
        {
            var authority = rest[2..];
            var slash = authority.IndexOf('/', StringComparison.Ordinal);
            rest = slash >= 0 ? authority[slash..] : string.Empty;
            authority = slash >= 0 ? authority[..slash] : authority;
            var at = authority.LastIndexOf('@');
            host = at >= 0 ? authority[(at + 1)..] : authority;
            if (!ValidHost(host)) return false;
        }
        return ValidEscapes(rest);
    }

    private static bool ValidHost(string host)
    {
        if (host.StartsWith('['))
        {
            var close = host.LastIndexOf(']');
            if (close < 0) return false;
            return ValidPort(host[(close + 1)..]);
        }
        var colon = host.LastIndexOf(':');
        if (colon >= 0 && !ValidPort(host[colon..])) return false;
        foreach (var c in colon >= 0 ? host[..colon] : host)
        {
            if (c >= 0x80 || char.IsAsciiLetterOrDigit(c) || "-_.~!$&'()*+,;=:[]<>\"%".Contains(c, StringComparison.Ordinal)) continue;
            return false;
        }
        return ValidEscapes(host);
    }

    private static bool ValidPort(string port) => port.Length == 0 || (port[0] == ':' && port[1..].All(char.IsAsciiDigit));

    private static bool ValidEscapes(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '%') continue;
            if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2])) return false;
            i += 2;
        }
        return true;
    }
}

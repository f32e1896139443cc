using System.Net;

namespace Mesh.Validation.Rules;

/// <summary>Syntax checks for names, hosts, addresses and HTTP tokens.</summary>
internal static class Syntax
{
    /// <inheritdoc cref="DnsNames.IsDnsLabel(string?)"/>
    public static bool IsDnsLabel(string? text) => DnsNames.IsDnsLabel(text);

    /// <inheritdoc cref="DnsNames.IsHostName(string?)"/>
    public static bool IsHostName(string? text) => DnsNames.IsHostName(text);

    /// <summary>An IPv4 or IPv6 address in its textual form.</summary>
    public static bool IsIpAddress(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        if (text.Contains(':', StringComparison.Ordinal)) return IPAddress.TryParse(text, out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        // IPAddress.TryParse accepts shorthand such as "10" or "1.2.3"; a dotted quad is required here.
        var parts = text.Split('.');
        if (parts.Length != 4) return false;
        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || int.Parse(part, System.Globalization.CultureInfo.InvariantCulture) > 255) return false;
        }
        return true;
    }

    /// <summary>An IP address or a CIDR block <c>address/prefix</c> with a prefix length that fits the family.</summary>
    public static bool IsIpOrCidr(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0) return IsIpAddress(text);
        var address = text[..slash];
        var prefix = text[(slash + 1)..];
        if (!IsIpAddress(address) || prefix.Length is 0 or > 3 || !prefix.All(char.IsAsciiDigit)) return false;
        var bits = int.Parse(prefix, System.Globalization.CultureInfo.InvariantCulture);
        return bits <= (address.Contains(':', StringComparison.Ordinal) ? 128 : 32);
    }

    /// <summary>An HTTP method: an upper-case token (RFC 9110 tchar without lower-case letters).</summary>
    public static bool IsHttpMethod(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        foreach (var c in text)
        {
            if (c is >= 'A' and <= 'Z' or >= '0' and <= '9') continue;
            if ("!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal)) continue;
            return false;
        }
        return true;
    }
}

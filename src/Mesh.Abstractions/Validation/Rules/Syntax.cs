namespace Mesh.Validation.Rules;

/// <summary>Syntax checks for names, hosts, addresses and HTTP tokens.</summary>
internal static class Syntax
{
    /// <inheritdoc cref="DnsNames.IsDnsLabel(string?)"/>
    public static bool IsDnsLabel(string? text) => DnsNames.IsDnsLabel(text);

    /// <inheritdoc cref="DnsNames.IsHostName(string?)"/>
    public static bool IsHostName(string? text) => DnsNames.IsHostName(text);

    /// <inheritdoc cref="IpAddresses.IsIpAddress(string?)"/>
    public static bool IsIpAddress(string? text) => IpAddresses.IsIpAddress(text);

    /// <inheritdoc cref="IpAddresses.IsIpOrCidr(string?)"/>
    public static bool IsIpOrCidr(string? text) => IpAddresses.IsIpOrCidr(text);

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

    /// <summary>A header name: an RFC 9110 token (letters of either case, digits and <c>!#$%&amp;'*+-.^_`|~</c>).</summary>
    public static bool IsHeaderName(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c)) continue;
            if ("!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal)) continue;
            return false;
        }
        return true;
    }
}

using System.Globalization;
using System.Net;

namespace Mesh.Validation;

/// <summary>
/// The address rules of the model, shared by validation and by every provider so that an imported address is one the model
/// validates: IPv4 addresses as dotted quads, IPv6 addresses, and CIDR blocks of either with a prefix length that fits.
/// </summary>
public static class IpAddresses
{
    /// <summary>Whether <paramref name="text"/> is an IPv4 address (a dotted quad) or an IPv6 address in its textual form.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Whether it is an IP address.</returns>
    public static bool IsIpAddress(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        if (text.Contains(':', StringComparison.Ordinal)) return IPAddress.TryParse(text, out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        // IPAddress.TryParse accepts shorthand such as "10" or "1.2.3"; a dotted quad is required here.
        var parts = text.Split('.');
        if (parts.Length != 4) return false;
        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || int.Parse(part, CultureInfo.InvariantCulture) > 255) return false;
        }
        return true;
    }

    /// <summary>Whether <paramref name="text"/> is an IP address or a CIDR block <c>address/prefix</c> with a prefix length that fits the family.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Whether it is an IP address or CIDR block.</returns>
    public static bool IsIpOrCidr(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0) return IsIpAddress(text);
        var address = text[..slash];
        var prefix = text[(slash + 1)..];
        if (!IsIpAddress(address) || prefix.Length is 0 or > 3 || !prefix.All(char.IsAsciiDigit)) return false;
        var bits = int.Parse(prefix, CultureInfo.InvariantCulture);
        return bits <= (address.Contains(':', StringComparison.Ordinal) ? 128 : 32);
    }
}

using System.Net;

namespace Mesh.Providers.Linkerd.Mapping;

/// <summary>
/// Linkerd's <c>networks[].cidr</c> fields take a CIDR only (its policy controller parses them as an <c>IpNet</c>): a single
/// address is written as <c>/32</c> or <c>/128</c>, and read back as the address.
/// </summary>
internal static class Cidrs
{
    public static string Of(string address) =>
        address.Contains('/', StringComparison.Ordinal) || !IPAddress.TryParse(address, out var ip)
            ? address
            : $"{address}/{(ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32)}";

    public static string Address(string cidr) =>
        cidr.EndsWith("/32", StringComparison.Ordinal) && !cidr.Contains(':', StringComparison.Ordinal) ? cidr[..^3]
        : cidr.EndsWith("/128", StringComparison.Ordinal) && cidr.Contains(':', StringComparison.Ordinal) ? cidr[..^4]
        : cidr;
}

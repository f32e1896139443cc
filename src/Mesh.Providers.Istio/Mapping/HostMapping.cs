using Mesh.Model;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>Service hosts: written as FQDNs, read as short names (relative to a namespace) or FQDNs.</summary>
internal static class HostMapping
{
    /// <summary>The FQDN of <paramref name="service"/>.</summary>
    public static string ToIstio(ServiceRef service, IstioOptions options) => service.ToFqdn(options.ClusterDomain);

    /// <summary>Resolves <paramref name="host"/> to a service: <c>reviews</c> in <paramref name="ns"/>, or <c>reviews.bookinfo.svc.DOMAIN</c>.</summary>
    public static bool TryToModel(string? host, string ns, IstioOptions options, out ServiceRef service)
    {
        service = default;
        if (string.IsNullOrEmpty(host) || host.Contains('*', StringComparison.Ordinal)) return false;
        if (!host.Contains('.', StringComparison.Ordinal))
        {
            service = new ServiceRef(host, ns);
            return true;
        }
        var suffix = ".svc." + options.ClusterDomain;
        if (!host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return false;
        return ServiceRef.TryParse(host[..^suffix.Length], out service);
    }
}

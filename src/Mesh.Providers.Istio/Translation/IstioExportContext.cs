using Mesh.Translation;
using Mesh.Kubernetes;
using Mesh.Model;

namespace Mesh.Providers.Istio.Translation;

/// <summary>The state of one translation to Istio: the kit's <see cref="ExportContext"/> with the options and the FQDNs computed so far.</summary>
internal sealed class IstioExportContext(IstioOptions options, MeshConfig config) : ExportContext(ProviderName.Istio, config)
{
    private readonly Dictionary<ServiceRef, string> _fqdns = [];

    public IstioOptions Options { get; } = options;

    /// <summary>
    /// The host Istio knows <paramref name="service"/> by, computed once per translation: a mesh service's FQDN, or the first
    /// host of the external service of that name (its ServiceEntry's host).
    /// </summary>
    public string Fqdn(ServiceRef service)
    {
        if (!_fqdns.TryGetValue(service, out var fqdn))
        {
            fqdn = FindExternal(service) is { Hosts.Count: > 0 } external
                ? external.Hosts[0]
                : Mapping.HostMapping.ToIstio(service, Options);
            _fqdns[service] = fqdn;
        }
        return fqdn;
    }
}

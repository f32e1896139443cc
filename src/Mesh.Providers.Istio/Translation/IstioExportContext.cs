using Mesh.Translation;
using Mesh.Kubernetes;
using Mesh.Model;

namespace Mesh.Providers.Istio.Translation;

/// <summary>The state of one translation to Istio: the kit's <see cref="ExportContext"/> with the options and the FQDNs computed so far.</summary>
internal sealed class IstioExportContext(IstioOptions options, MeshConfig config) : ExportContext(ProviderName.Istio, config)
{
    private readonly Dictionary<ServiceRef, string> _fqdns = [];

    public IstioOptions Options { get; } = options;

    /// <summary>The FQDN of <paramref name="service"/>, computed once per translation.</summary>
    public string Fqdn(ServiceRef service)
    {
        if (!_fqdns.TryGetValue(service, out var fqdn))
        {
            fqdn = Mapping.HostMapping.ToIstio(service, Options);
            _fqdns[service] = fqdn;
        }
        return fqdn;
    }
}

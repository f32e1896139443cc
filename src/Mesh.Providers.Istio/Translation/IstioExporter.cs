using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Istio.Mapping;

namespace Mesh.Providers.Istio.Translation;

/// <summary>
/// Model → Istio resources, in a deterministic order: DestinationRules, VirtualServices, ServiceEntries, PeerAuthentications,
/// AuthorizationPolicies, RequestAuthentications, Sidecars, Telemetries, Gateways. Each kind is written by its mapping in <c>Mapping/</c>.
/// </summary>
internal static class IstioExporter
{
    public static (IReadOnlyList<object> Resources, IReadOnlyList<Diagnostic> Diagnostics) Export(MeshConfig config, IstioOptions options)
    {
        var ctx = new IstioExportContext(options, config);
        var resources = new List<object>();
        resources.AddRange(DestinationRuleMapping.ToIstio(config, ctx));
        resources.AddRange(VirtualServiceMapping.ToIstio(config, ctx));
        resources.AddRange(EgressMapping.ToIstio(config, ctx));
        resources.AddRange(MtlsMapping.ToIstio(config, ctx));
        resources.AddRange(AccessPolicyMapping.ToIstio(config, ctx));
        resources.AddRange(RequestAuthenticationMapping.ToIstio(config, ctx));
        resources.AddRange(OutboundMapping.ToIstio(config, ctx));
        resources.AddRange(TelemetryMapping.ToIstio(config, ctx));
        resources.AddRange(GatewayMapping.ToIstio(config, ctx));
        return (resources, ctx.Diagnostics);
    }
}

using Mesh.Diagnostics;
using Mesh.Kubernetes;
using Mesh.Providers.Consul.Resources;
using Mesh.Translation;

namespace Mesh.Providers.Consul.Translation;

/// <summary>Consul resources → model: not implemented yet; the catalog already types every kind, so reading reports unknown fields.</summary>
internal static class ConsulImport
{
    public static ResourceCatalog Catalog { get; } = new(
        ConsulResourceTypes.TypeMap,
        new Dictionary<Type, string>
        {
            [typeof(ServiceDefaults)] = Written(ServiceDefaults.KubeGroup, ServiceDefaults.KubeApiVersion),
            [typeof(ServiceRouter)] = Written(ServiceRouter.KubeGroup, ServiceRouter.KubeApiVersion),
            [typeof(ServiceSplitter)] = Written(ServiceSplitter.KubeGroup, ServiceSplitter.KubeApiVersion),
            [typeof(ServiceResolver)] = Written(ServiceResolver.KubeGroup, ServiceResolver.KubeApiVersion),
            [typeof(ServiceIntentions)] = Written(ServiceIntentions.KubeGroup, ServiceIntentions.KubeApiVersion),
            [typeof(ProxyDefaults)] = Written(ProxyDefaults.KubeGroup, ProxyDefaults.KubeApiVersion),
            [typeof(ConsulMesh)] = Written(ConsulMesh.KubeGroup, ConsulMesh.KubeApiVersion),
            [typeof(ExportedServices)] = Written(ExportedServices.KubeGroup, ExportedServices.KubeApiVersion),
            [typeof(TerminatingGateway)] = Written(TerminatingGateway.KubeGroup, TerminatingGateway.KubeApiVersion),
            [typeof(IngressGateway)] = Written(IngressGateway.KubeGroup, IngressGateway.KubeApiVersion),
            [typeof(CoreService)] = CoreService.KubeApiVersion,
        },
        new HashSet<string>(ConsulResourceTypes.Groups, StringComparer.Ordinal),
        "a Consul config entry this provider reads")
    {
        OutOfScopeKinds = "peering, sameness groups, JWT providers, API gateway filters, rate limits of Consul servers, v2 catalog resources",
    };

    private static string Written(string group, string version) => group + "/" + version;

    public static ImportResult ToModel(ImportContext ctx, ImportOptions? options)
    {
        ctx.Diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Unsupported, "$", "Import from Consul is not implemented yet.") with { Provider = ctx.Provider });
        _ = options;
        return new ImportResult { Config = null, Diagnostics = ctx.Diagnostics };
    }
}

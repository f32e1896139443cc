using Mesh.Providers.AppMesh;
using Mesh.Providers.Consul;
using Mesh.Providers.GatewayApi;
using Mesh.Providers.Istio;
using Mesh.Providers.Linkerd;
using Mesh.Providers.Osm;
using Mesh.Translation;

namespace Mesh.Providers.Conformance.Support;

/// <summary>
/// Every provider the SDK ships, writing the Services of the model too (<see cref="ServiceOutput.All"/>): the partners of the
/// migration matrix. A migration moves the cluster's Services with the routes (as <c>kubectl get svc,…</c> exports them);
/// without them, a mesh that does not write Services (Istio by default) hands on no ports, and a Service-routing mesh
/// cannot name one in a backend.
/// </summary>
public static class MigrationPartners
{
    /// <summary>A translator of each provider.</summary>
    public static IReadOnlyList<ITranslator> All { get; } = [
        new IstioTranslator(new IstioOptions { ServiceOutput = ServiceOutput.All }),
        new GatewayApiTranslator(new GatewayApiOptions { ServiceOutput = ServiceOutput.All }),
        new LinkerdTranslator(new LinkerdOptions { ServiceOutput = ServiceOutput.All }),
        new AppMeshTranslator(new AppMeshOptions { ServiceOutput = ServiceOutput.All }),
        new OsmTranslator(new OsmOptions { ServiceOutput = ServiceOutput.All }),
        // Enterprise: the models span namespaces, which Community Edition folds into one Consul namespace.
        new ConsulTranslator(new ConsulOptions { ServiceOutput = ServiceOutput.All, Edition = ConsulEdition.Enterprise }),
    ];

    /// <summary>This provider's partner translator (the one the matrix uses for it).</summary>
    /// <param name="provider">The provider.</param>
    public static ITranslator Of(ProviderName provider) => All.Single(t => t.Provider == provider);

    /// <summary>Every provider but <paramref name="provider"/>.</summary>
    /// <param name="provider">The provider under test.</param>
    public static IReadOnlyList<ITranslator> Except(ProviderName provider) => [.. All.Where(t => t.Provider != provider)];
}

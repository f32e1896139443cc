using Mesh.Providers.GatewayApi;
using Mesh.Providers.Istio;
using Mesh.Providers.Linkerd;
using Mesh.Translation;

namespace Mesh.Providers.Conformance.Support;

/// <summary>Every provider the SDK ships, with default options: the partners of the migration matrix.</summary>
public static class MigrationPartners
{
    /// <summary>A translator of each provider.</summary>
    public static IReadOnlyList<ITranslator> All { get; } = [new IstioTranslator(), new GatewayApiTranslator(), new LinkerdTranslator()];

    /// <summary>Every provider but <paramref name="provider"/>.</summary>
    /// <param name="provider">The provider under test.</param>
    public static IReadOnlyList<ITranslator> Except(ProviderName provider) => [.. All.Where(t => t.Provider != provider)];
}

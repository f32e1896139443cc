using Mesh.Model;
using Mesh.Providers.Conformance.Suites;
using Mesh.Providers.Conformance.Support;
using Mesh.Translation;

namespace Mesh.Providers.Istio.Tests.Export;

/// <summary>
/// One case per row of the capability table (see <see cref="CapabilityRowSuite"/>): backends are subsets of the
/// reviews service, and CORS also allows any origin.
/// </summary>
public sealed class CapabilityRowTests : CapabilityRowSuite
{
    private static readonly CapabilityCases Shared = new(
        new MeshService
        {
            Name = "reviews",
            Namespace = "bookinfo",
            Subsets = [.. new[] { "v1", "v2" }.Select(v => new Subset { Name = v, Labels = new Dictionary<string, string> { ["version"] = v } })],
        },
        new WeightedBackend { Service = CapabilityCases.Reviews, Subset = "v1" },
        new WeightedBackend { Service = CapabilityCases.Reviews, Subset = "v2" });

    private static readonly Dictionary<MeshFeature, MeshConfig> CaseTable = new(Shared.All)
    {
        [MeshFeature.Cors] = Shared.Rule(r => r with { Cors = new CorsPolicy { AllowOrigins = ["*", "https://a.example"], AllowMethods = ["GET"], AllowHeaders = ["x-user"], ExposeHeaders = ["x-trace"], MaxAge = TimeSpan.FromHours(1), AllowCredentials = false } }),
    };

    protected override ITranslator Translator { get; } = new IstioTranslator();

    protected override IReadOnlyDictionary<MeshFeature, MeshConfig> Cases => CaseTable;
}

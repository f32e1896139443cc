using Mesh.Model;
using Mesh.Providers.Conformance.Suites;
using Mesh.Providers.Conformance.Support;
using Mesh.Translation;

namespace Mesh.Providers.Istio.Tests.Export;

/// <summary>
/// One case per row of the capability table (see <see cref="CapabilityRowSuite"/>): backends are subsets of the
/// reviews service, and CORS also allows any origin. The reviews service declares the ports a case routes to (the
/// model validates backend and TCP route ports): with the default <see cref="IstioOptions.ServiceOutput"/> no Service is
/// written, and the import gives the service the ports the VirtualService names.
/// </summary>
public sealed class CapabilityRowTests : CapabilityRowSuite
{
    private static readonly MeshService Reviews = new()
    {
        Name = "reviews",
        Namespace = "bookinfo",
        Subsets = [.. new[] { "v1", "v2" }.Select(v => new Subset { Name = v, Labels = new Dictionary<string, string> { ["version"] = v } })],
    };

    private static readonly CapabilityCases Shared = new(
        Reviews,
        new WeightedBackend { Service = CapabilityCases.Reviews, Subset = "v1" },
        new WeightedBackend { Service = CapabilityCases.Reviews, Subset = "v2" });

    private static readonly CapabilityCases WithHttpPort = new(
        Reviews with { Ports = [new ServicePort { Port = 9080, Protocol = Protocol.Http }] },
        new WeightedBackend { Service = CapabilityCases.Reviews, Subset = "v1" },
        new WeightedBackend { Service = CapabilityCases.Reviews, Subset = "v2" });

    private static readonly Dictionary<MeshFeature, MeshConfig> CaseTable = new(Shared.All)
    {
        [MeshFeature.Cors] = Shared.Rule(r => r with { Cors = new CorsPolicy { AllowOrigins = ["*", "https://a.example"], AllowMethods = ["GET"], AllowHeaders = ["x-user"], ExposeHeaders = ["x-trace"], MaxAge = TimeSpan.FromHours(1), AllowCredentials = false } }),
        [MeshFeature.BackendPort] = WithHttpPort.All[MeshFeature.BackendPort],
        [MeshFeature.TcpSplit] = Shared.All[MeshFeature.TcpSplit] with { Services = [Reviews with { Ports = [new ServicePort { Port = 9000, Protocol = Protocol.Tcp }] }] },
    };

    protected override ITranslator Translator { get; } = new IstioTranslator();

    protected override IReadOnlyDictionary<MeshFeature, MeshConfig> Cases => CaseTable;
}

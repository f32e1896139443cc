using Mesh.Model;
using Mesh.Providers.Conformance.Suites;
using Mesh.Providers.Conformance.Support;
using Mesh.Translation;

namespace Mesh.Providers.AppMesh.Tests.Conformance;

/// <summary>
/// One case per row of the capability table (see <see cref="CapabilityRowSuite"/>): backends are subsets of the reviews
/// service, which has an <c>http</c> port 9080 (a virtual node needs a listener), or its <c>tcp</c> port 9000 for the TCP split;
/// every Service is written, as a migration carries them.
/// </summary>
public sealed class CapabilityRowTests : CapabilityRowSuite
{
    private static readonly MeshService Reviews = new()
    {
        Name = "reviews",
        Namespace = "bookinfo",
        Ports = [new ServicePort { Port = 9080, Protocol = Protocol.Http }],
        Subsets = [.. new[] { "v1", "v2" }.Select(v => new Subset { Name = v, Labels = new Dictionary<string, string> { ["version"] = v } })],
    };

    private static readonly CapabilityCases Shared = new(
        Reviews,
        new WeightedBackend { Service = CapabilityCases.Reviews, Subset = "v1" },
        new WeightedBackend { Service = CapabilityCases.Reviews, Subset = "v2" });

    private static readonly Dictionary<MeshFeature, MeshConfig> CaseTable = new(Shared.All)
    {
        [MeshFeature.TcpSplit] = Shared.All[MeshFeature.TcpSplit] with { Services = [Reviews with { Ports = [new ServicePort { Port = 9000, Protocol = Protocol.Tcp }] }] },
        // A backend naming the port of a service without subsets (one to a service with subsets is split over their nodes).
        [MeshFeature.BackendPort] = Shared.All[MeshFeature.BackendPort] with { Services = [Reviews with { Subsets = [] }] },
    };

    protected override ITranslator Translator { get; } = new AppMeshTranslator(new AppMeshOptions { ServiceOutput = ServiceOutput.All });

    protected override IReadOnlyDictionary<MeshFeature, MeshConfig> Cases => CaseTable;
}

using Mesh.Model;
using Mesh.Providers.Conformance.Support;
using Mesh.Translation;

namespace Mesh.Providers.Osm.Tests.Conformance;

/// <summary>
/// One small model per row of the capability table, for OSM: backends are subsets of the reviews service (an <c>http</c> port
/// 9080; its <c>tcp</c> port 9000 for the TCP split). Where the shared case uses something OSM cannot write beside the feature
/// itself, the case is OSM's own: mTLS strict is mesh-wide (OSM's only scope), access operations come from a service account
/// (a TrafficTarget names its sources), and external services have a service to call them from (an Egress names its sources).
/// The CapabilityRowSuite derivation (with the import) takes this table.
/// </summary>
internal static class OsmCapabilityCases
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

    private static readonly AccessSource Web = new() { ServiceAccounts = [new ServiceAccountRef("shop", "web")] };

    public static IReadOnlyDictionary<MeshFeature, MeshConfig> All { get; } = Build();

    private static Dictionary<MeshFeature, MeshConfig> Build()
    {
        var cases = new Dictionary<MeshFeature, MeshConfig>(Shared.All)
        {
            [MeshFeature.TcpSplit] = Shared.All[MeshFeature.TcpSplit] with { Services = [Reviews with { Ports = [new ServicePort { Port = 9000, Protocol = Protocol.Tcp }] }] },
            [MeshFeature.MtlsStrict] = new MeshConfig { Name = "imported", Mtls = [new MtlsPolicy { Scope = MtlsScope.Mesh, Mode = MtlsMode.Strict }] },
        };
        foreach (var feature in new[] { MeshFeature.AccessToPorts, MeshFeature.AccessToMethods, MeshFeature.AccessToPaths })
        {
            var model = cases[feature];
            cases[feature] = model with { AccessPolicies = [.. model.AccessPolicies.Select(p => p with { Rules = [.. p.Rules.Select(r => r with { From = Web })] })] };
        }
        foreach (var feature in new[] { MeshFeature.ExternalHosts, MeshFeature.ExternalResolutionDns, MeshFeature.ExternalResolutionStatic, MeshFeature.ExternalResolutionNone, MeshFeature.ExternalAddresses })
        {
            cases[feature] = cases[feature] with { Services = [Reviews] };
        }
        return cases;
    }
}

using Mesh.Model;
using Mesh.Translation;

namespace Mesh.Providers.Conformance.Support;

/// <summary>
/// The capability cases for providers whose backends are whole Services addressed by port (Gateway API, Linkerd).
/// </summary>
public static class ServicePortCapabilityCases
{
    private static readonly CapabilityCases Shared = new(
        new MeshService { Name = "reviews", Namespace = "bookinfo", Ports = [new ServicePort { Port = 9080, Protocol = Protocol.Http }] },
        new WeightedBackend { Service = CapabilityCases.Reviews, Port = 9080 },
        new WeightedBackend { Service = new("ratings", "bookinfo"), Port = 9080 });

    /// <summary>One small model per feature; the TCP split is a split of a <c>tcp</c> port between two Services (one per version).</summary>
    public static IReadOnlyDictionary<MeshFeature, MeshConfig> All { get; } = new Dictionary<MeshFeature, MeshConfig>(Shared.All)
    {
        [MeshFeature.TcpSplit] = new MeshConfig
        {
            Name = "imported",
            Services = [new MeshService { Name = "reviews", Namespace = "bookinfo", Ports = [new ServicePort { Port = 9000, Protocol = Protocol.Tcp }] }],
            TcpRoutes =
            [
                new TcpRoute
                {
                    Name = "reviews", Namespace = "bookinfo", Host = CapabilityCases.Reviews, Port = 9000,
                    Backends = [new WeightedBackend { Service = new("reviews-v1", "bookinfo"), Port = 9000, Weight = 4 }, new WeightedBackend { Service = new("reviews-v2", "bookinfo"), Port = 9000, Weight = 1 }],
                },
            ],
        },
    };
}

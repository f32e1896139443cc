using Mesh.Model;
using Mesh.Translation;

namespace Mesh.Providers.Conformance.Support;

/// <summary>
/// The capability cases for providers whose backends are whole Services addressed by port (Gateway API, Linkerd).
/// </summary>
public static class ServicePortCapabilityCases
{
    /// <summary>One small model per feature.</summary>
    public static IReadOnlyDictionary<MeshFeature, MeshConfig> All { get; } = new CapabilityCases(
        new MeshService { Name = "reviews", Namespace = "bookinfo", Ports = [new ServicePort { Port = 9080, Protocol = Protocol.Http }] },
        new WeightedBackend { Service = CapabilityCases.Reviews, Port = 9080 },
        new WeightedBackend { Service = new("ratings", "bookinfo"), Port = 9080 }).All;
}

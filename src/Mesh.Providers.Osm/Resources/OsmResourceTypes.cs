using Mesh.Kubernetes;

namespace Mesh.Providers.Osm.Resources;

/// <summary>
/// The type map of the kinds the OSM provider reads, keyed <c>group/version/Kind</c> as KubernetesClient's
/// <c>KubernetesYaml.LoadAllFromString(yaml, typeMap)</c> expects: the versions OSM v1.2 serves of SMI's TrafficSplit
/// (<c>v1alpha2</c> only), HTTPRouteGroup and TCPRoute (<c>v1alpha4</c>) and TrafficTarget (<c>v1alpha3</c>), OSM's
/// <c>policy.openservicemesh.io/v1alpha1</c> kinds, the MeshConfig (<c>v1alpha2</c>, and the deprecated but served
/// <c>v1alpha1</c>, whose fields are a subset) and core <c>v1</c> <c>Service</c>s.
/// </summary>
public static class OsmResourceTypes
{
    /// <summary>Every <c>apiVersion/Kind</c> read, mapped to its class.</summary>
    public static IReadOnlyDictionary<string, Type> TypeMap { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["split.smi-spec.io/v1alpha2/TrafficSplit"] = typeof(TrafficSplit),
        ["specs.smi-spec.io/v1alpha4/HTTPRouteGroup"] = typeof(HttpRouteGroup),
        ["specs.smi-spec.io/v1alpha4/TCPRoute"] = typeof(TcpRoute),
        ["access.smi-spec.io/v1alpha3/TrafficTarget"] = typeof(TrafficTarget),
        ["policy.openservicemesh.io/v1alpha1/UpstreamTrafficSetting"] = typeof(UpstreamTrafficSetting),
        ["policy.openservicemesh.io/v1alpha1/Retry"] = typeof(Retry),
        ["policy.openservicemesh.io/v1alpha1/Egress"] = typeof(Egress),
        ["policy.openservicemesh.io/v1alpha1/IngressBackend"] = typeof(IngressBackend),
        ["config.openservicemesh.io/v1alpha2/MeshConfig"] = typeof(OsmMeshConfig),
        ["config.openservicemesh.io/v1alpha1/MeshConfig"] = typeof(OsmMeshConfig),
        ["v1/Service"] = typeof(CoreService),
    };

    /// <summary>The API groups of SMI and OSM (kinds of these groups not in <see cref="TypeMap"/> are reported as out of scope).</summary>
    public static IReadOnlyList<string> Groups { get; } =
        ["split.smi-spec.io", "specs.smi-spec.io", "access.smi-spec.io", "policy.openservicemesh.io", "config.openservicemesh.io"];

    /// <summary>A new, mutable copy of <see cref="TypeMap"/>.</summary>
    /// <returns>The copy.</returns>
    public static Dictionary<string, Type> CreateTypeMap() => new(TypeMap, StringComparer.Ordinal);
}

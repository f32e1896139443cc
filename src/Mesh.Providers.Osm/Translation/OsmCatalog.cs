using Mesh.Kubernetes;
using Mesh.Providers.Osm.Resources;

namespace Mesh.Providers.Osm.Translation;

/// <summary>The kinds the OSM provider reads, with the version each is written in (<see cref="OsmResourceTypes"/>).</summary>
internal static class OsmCatalog
{
    public static ResourceCatalog Instance { get; } = new(
        OsmResourceTypes.TypeMap,
        new Dictionary<Type, string>
        {
            [typeof(TrafficSplit)] = TrafficSplit.KubeGroup + "/" + TrafficSplit.KubeApiVersion,
            [typeof(HttpRouteGroup)] = HttpRouteGroup.KubeGroup + "/" + HttpRouteGroup.KubeApiVersion,
            [typeof(TcpRoute)] = TcpRoute.KubeGroup + "/" + TcpRoute.KubeApiVersion,
            [typeof(TrafficTarget)] = TrafficTarget.KubeGroup + "/" + TrafficTarget.KubeApiVersion,
            [typeof(UpstreamTrafficSetting)] = UpstreamTrafficSetting.KubeGroup + "/" + UpstreamTrafficSetting.KubeApiVersion,
            [typeof(Retry)] = Retry.KubeGroup + "/" + Retry.KubeApiVersion,
            [typeof(Egress)] = Egress.KubeGroup + "/" + Egress.KubeApiVersion,
            [typeof(IngressBackend)] = IngressBackend.KubeGroup + "/" + IngressBackend.KubeApiVersion,
            [typeof(OsmMeshConfig)] = OsmMeshConfig.KubeGroup + "/" + OsmMeshConfig.KubeApiVersion,
            [typeof(CoreService)] = CoreService.KubeApiVersion,
        },
        new HashSet<string>(OsmResourceTypes.Groups, StringComparer.Ordinal),
        "an SMI or OSM resource this provider reads")
    {
        TypeInfoResolver = OsmJsonContext.Default,
        VersionNotes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["config.openservicemesh.io/v1alpha1/MeshConfig"] = "config.openservicemesh.io/v1alpha1 MeshConfig is deprecated; OSM v1.2 stores v1alpha2",
        },
    };
}

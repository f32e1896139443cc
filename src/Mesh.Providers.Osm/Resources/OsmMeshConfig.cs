using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.Osm.Resources;

/// <summary>OSM's <c>MeshConfig</c> (<c>config.openservicemesh.io/v1alpha2</c>): the mesh-wide settings of the control plane (one object, <c>osm-mesh-config</c> in the OSM namespace). Written as a partial document holding only the settings the model decides, to merge into the installed one.</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class OsmMeshConfig : CustomResource<MeshConfigSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "config.openservicemesh.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "MeshConfig";

    /// <summary>The version written (the one OSM v1.2 serves).</summary>
    public const string KubeApiVersion = "v1alpha2";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "meshconfigs";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public OsmMeshConfig()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

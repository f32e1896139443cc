using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>App Mesh's <c>Mesh</c> (<c>appmesh.k8s.aws/v1beta2</c>, cluster scoped): the mesh, and the namespaces whose App Mesh resources belong to it. Named <c>AppMeshMesh</c> so as not to clash with the <c>Mesh</c> namespace.</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class AppMeshMesh : CustomResource<AppMeshMeshSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "appmesh.k8s.aws";

    /// <summary>The kind.</summary>
    public const string KubeKind = "Mesh";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1beta2";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "meshes";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public AppMeshMesh()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>App Mesh's <c>BackendGroup</c> (<c>appmesh.k8s.aws/v1beta2</c>): a named set of virtual services that virtual nodes may list as backends at once.</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class BackendGroup : CustomResource<BackendGroupSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "appmesh.k8s.aws";

    /// <summary>The kind.</summary>
    public const string KubeKind = "BackendGroup";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1beta2";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "backendgroups";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public BackendGroup()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

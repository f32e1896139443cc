using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>App Mesh's <c>VirtualNode</c> (<c>appmesh.k8s.aws/v1beta2</c>): the pods a selector picks, their listeners, how callers discover them and which virtual services they call.</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class VirtualNode : CustomResource<VirtualNodeSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "appmesh.k8s.aws";

    /// <summary>The kind.</summary>
    public const string KubeKind = "VirtualNode";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1beta2";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "virtualnodes";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public VirtualNode()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

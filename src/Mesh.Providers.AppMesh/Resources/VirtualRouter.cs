using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>App Mesh's <c>VirtualRouter</c> (<c>appmesh.k8s.aws/v1beta2</c>): the routes of a virtual service, sending its traffic to weighted virtual nodes.</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class VirtualRouter : CustomResource<VirtualRouterSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "appmesh.k8s.aws";

    /// <summary>The kind.</summary>
    public const string KubeKind = "VirtualRouter";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1beta2";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "virtualrouters";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public VirtualRouter()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

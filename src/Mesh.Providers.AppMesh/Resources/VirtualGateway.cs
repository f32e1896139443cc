using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>App Mesh's <c>VirtualGateway</c> (<c>appmesh.k8s.aws/v1beta2</c>): an ingress Envoy that lets traffic from outside the mesh in through its gateway routes.</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class VirtualGateway : CustomResource<VirtualGatewaySpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "appmesh.k8s.aws";

    /// <summary>The kind.</summary>
    public const string KubeKind = "VirtualGateway";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1beta2";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "virtualgateways";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public VirtualGateway()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

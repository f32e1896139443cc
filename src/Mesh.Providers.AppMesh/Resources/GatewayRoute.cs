using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>App Mesh's <c>GatewayRoute</c> (<c>appmesh.k8s.aws/v1beta2</c>): a route of a virtual gateway to a virtual service.</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class GatewayRoute : CustomResource<GatewayRouteSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "appmesh.k8s.aws";

    /// <summary>The kind.</summary>
    public const string KubeKind = "GatewayRoute";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1beta2";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "gatewayroutes";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public GatewayRoute()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

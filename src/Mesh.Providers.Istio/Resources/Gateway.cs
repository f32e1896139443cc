using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A load balancer at the mesh's edge: the ports and hosts a gateway workload accepts (<c>networking.istio.io/v1</c>).</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class Gateway : CustomResource<GatewaySpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "networking.istio.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "Gateway";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "gateways";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public Gateway()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>A Gateway API <c>Gateway</c> (<c>gateway.networking.k8s.io/v1</c>): listeners an implementation of a gateway class provisions.</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class Gateway : CustomResource<GatewaySpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "gateway.networking.k8s.io";

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

using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>A <c>ReferenceGrant</c> (<c>gateway.networking.k8s.io/v1beta1</c>): lets resources of other namespaces refer to resources of its own.</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class ReferenceGrant : CustomResource<ReferenceGrantSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "gateway.networking.k8s.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "ReferenceGrant";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1beta1";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "referencegrants";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public ReferenceGrant()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

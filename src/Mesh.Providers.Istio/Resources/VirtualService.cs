using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.Istio.Resources;

/// <summary>Routing rules for calls to a host (<c>networking.istio.io/v1</c>).</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class VirtualService : CustomResource<VirtualServiceSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "networking.istio.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "VirtualService";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "virtualservices";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public VirtualService()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

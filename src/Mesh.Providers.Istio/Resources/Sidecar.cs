using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.Istio.Resources;

/// <summary>The reachable hosts of workloads' proxies (<c>networking.istio.io/v1</c>).</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class Sidecar : CustomResource<SidecarSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "networking.istio.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "Sidecar";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "sidecars";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public Sidecar()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

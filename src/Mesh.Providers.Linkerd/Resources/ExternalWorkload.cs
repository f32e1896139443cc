using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>
/// Linkerd's <c>ExternalWorkload</c> (<c>workload.linkerd.io/v1beta1</c>): a workload outside the cluster that runs Linkerd's
/// proxy, enrolled in the mesh with its identity, address and ports; Services select it by its labels as they select pods.
/// </summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class ExternalWorkload : CustomResource<ExternalWorkloadSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "workload.linkerd.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "ExternalWorkload";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1beta1";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "externalworkloads";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public ExternalWorkload()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

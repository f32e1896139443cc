using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>Linkerd's <c>EgressNetwork</c> (<c>policy.linkerd.io/v1alpha1</c>): the networks outside the cluster that meshed pods may (or may not) reach; routes take it as their parent.</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class EgressNetwork : CustomResource<EgressNetworkSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "policy.linkerd.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "EgressNetwork";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1alpha1";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "egressnetworks";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public EgressNetwork()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

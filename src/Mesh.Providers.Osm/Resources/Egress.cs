using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.Osm.Resources;

/// <summary>OSM's <c>Egress</c> (<c>policy.openservicemesh.io/v1alpha1</c>, applied only with <c>featureFlags.enableEgressPolicy</c>): the external hosts, address ranges and ports that workloads of some service accounts may call.</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class Egress : CustomResource<EgressSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "policy.openservicemesh.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "Egress";

    /// <summary>The version written (the one OSM v1.2 serves).</summary>
    public const string KubeApiVersion = "v1alpha1";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "egresses";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public Egress()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

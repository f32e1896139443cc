using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.Osm.Resources;

/// <summary>OSM's <c>Retry</c> (<c>policy.openservicemesh.io/v1alpha1</c>, applied only with <c>featureFlags.enableRetryPolicy</c>): how the workloads of one service account retry calls to destination Services.</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class Retry : CustomResource<RetrySpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "policy.openservicemesh.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "Retry";

    /// <summary>The version written (the one OSM v1.2 serves).</summary>
    public const string KubeApiVersion = "v1alpha1";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "retries";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public Retry()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.Osm.Resources;

/// <summary>SMI's <c>TrafficTarget</c> (<c>access.smi-spec.io/v1alpha3</c>): which service accounts may call the workloads of a destination service account, and with which requests (allow-only; OSM denies the rest unless permissive mode is on).</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class TrafficTarget : CustomResource<TrafficTargetSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "access.smi-spec.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "TrafficTarget";

    /// <summary>The version written (the one OSM v1.2 serves).</summary>
    public const string KubeApiVersion = "v1alpha3";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "traffictargets";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public TrafficTarget()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

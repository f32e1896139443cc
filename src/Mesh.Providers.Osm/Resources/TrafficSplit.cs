using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.Osm.Resources;

/// <summary>SMI's <c>TrafficSplit</c> (<c>split.smi-spec.io/v1alpha2</c>, the only version OSM serves): the traffic to a root Service shared, by weight, among backend Services of its namespace.</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class TrafficSplit : CustomResource<TrafficSplitSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "split.smi-spec.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "TrafficSplit";

    /// <summary>The version written (the one OSM v1.2 serves).</summary>
    public const string KubeApiVersion = "v1alpha2";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "trafficsplits";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public TrafficSplit()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

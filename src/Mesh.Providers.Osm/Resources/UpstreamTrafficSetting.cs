using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.Osm.Resources;

/// <summary>OSM's <c>UpstreamTrafficSetting</c> (<c>policy.openservicemesh.io/v1alpha1</c>): connection limits and local rate limits for calls to one upstream host.</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class UpstreamTrafficSetting : CustomResource<UpstreamTrafficSettingSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "policy.openservicemesh.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "UpstreamTrafficSetting";

    /// <summary>The version written (the one OSM v1.2 serves).</summary>
    public const string KubeApiVersion = "v1alpha1";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "upstreamtrafficsettings";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public UpstreamTrafficSetting()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.Consul.Resources;

/// <summary>Consul's <c>ServiceSplitter</c>: weighted percentages (summing to exactly 100) of a service's traffic to services or subsets. Named after the Consul service.</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class ServiceSplitter : CustomResource<ServiceSplitterSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "consul.hashicorp.com";

    /// <summary>The kind.</summary>
    public const string KubeKind = "ServiceSplitter";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1alpha1";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "servicesplitters";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public ServiceSplitter()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

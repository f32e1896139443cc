using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.Consul.Resources;

/// <summary>Consul's <c>ServiceRouter</c>: a service's L7 routes, evaluated in order (first match wins) before an implicit catch-all to the service itself. Named after the Consul service.</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class ServiceRouter : CustomResource<ServiceRouterSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "consul.hashicorp.com";

    /// <summary>The kind.</summary>
    public const string KubeKind = "ServiceRouter";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1alpha1";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "servicerouters";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public ServiceRouter()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

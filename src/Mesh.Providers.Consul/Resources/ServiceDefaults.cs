using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.Consul.Resources;

/// <summary>Consul's <c>ServiceDefaults</c> config entry (<c>consul.hashicorp.com/v1alpha1</c>): a service's protocol, mTLS mode, upstream limits and health checks (caller side), or an external destination. Named after the Consul service.</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class ServiceDefaults : CustomResource<ServiceDefaultsSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "consul.hashicorp.com";

    /// <summary>The kind.</summary>
    public const string KubeKind = "ServiceDefaults";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1alpha1";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "servicedefaults";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public ServiceDefaults()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

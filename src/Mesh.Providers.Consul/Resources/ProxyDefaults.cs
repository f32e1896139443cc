using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.Consul.Resources;

/// <summary>Consul's <c>ProxyDefaults</c> (named <c>global</c>): defaults of every sidecar proxy.</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class ProxyDefaults : CustomResource<ProxyDefaultsSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "consul.hashicorp.com";

    /// <summary>The kind.</summary>
    public const string KubeKind = "ProxyDefaults";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1alpha1";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "proxydefaults";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public ProxyDefaults()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

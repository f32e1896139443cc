using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.Osm.Resources;

/// <summary>OSM's <c>IngressBackend</c> (<c>policy.openservicemesh.io/v1alpha1</c>): which ingress sources may reach backend Services (ingress is outside the model: read to be reported).</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class IngressBackend : CustomResource<IngressBackendSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "policy.openservicemesh.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "IngressBackend";

    /// <summary>The version written (the one OSM v1.2 serves).</summary>
    public const string KubeApiVersion = "v1alpha1";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "ingressbackends";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public IngressBackend()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

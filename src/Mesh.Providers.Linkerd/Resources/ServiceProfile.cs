using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>
/// Linkerd's legacy per-service routing (<c>linkerd.io/v1alpha2</c>), read on import only: its routes, timeouts, retries
/// and traffic split become model routes, written back as HTTPRoutes with Linkerd's annotations.
/// </summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class ServiceProfile : CustomResource<ServiceProfileSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "linkerd.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "ServiceProfile";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1alpha2";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "serviceprofiles";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public ServiceProfile()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

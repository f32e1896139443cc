using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>Linkerd's <c>NetworkAuthentication</c> (<c>policy.linkerd.io/v1alpha1</c>): clients whose address is in one of a list of networks.</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class NetworkAuthentication : CustomResource<NetworkAuthenticationSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "policy.linkerd.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "NetworkAuthentication";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1alpha1";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "networkauthentications";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public NetworkAuthentication()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

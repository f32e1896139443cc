using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>Linkerd's <c>MeshTLSAuthentication</c> (<c>policy.linkerd.io/v1alpha1</c>): clients whose mesh TLS identity is one of a list.</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class MeshTlsAuthentication : CustomResource<MeshTlsAuthenticationSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "policy.linkerd.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "MeshTLSAuthentication";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1alpha1";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "meshtlsauthentications";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public MeshTlsAuthentication()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

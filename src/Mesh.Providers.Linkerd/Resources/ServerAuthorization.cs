using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>Linkerd's legacy <c>ServerAuthorization</c> (<c>policy.linkerd.io/v1beta1</c>), read on import only: it became <see cref="AuthorizationPolicy"/> with <see cref="MeshTlsAuthentication"/> / <see cref="NetworkAuthentication"/>.</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class ServerAuthorization : CustomResource<ServerAuthorizationSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "policy.linkerd.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "ServerAuthorization";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1beta1";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "serverauthorizations";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public ServerAuthorization()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

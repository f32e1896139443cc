using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.Istio.Resources;

/// <summary>End-user authentication by JWT for workloads (<c>security.istio.io/v1</c>).</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class RequestAuthentication : CustomResource<RequestAuthenticationSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "security.istio.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "RequestAuthentication";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "requestauthentications";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public RequestAuthentication()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>Linkerd's <c>AuthorizationPolicy</c> (<c>policy.linkerd.io/v1alpha1</c>): allows traffic to a Server, HTTPRoute or Namespace when every required authentication holds.</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class AuthorizationPolicy : CustomResource<AuthorizationPolicySpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "policy.linkerd.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "AuthorizationPolicy";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1alpha1";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "authorizationpolicies";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public AuthorizationPolicy()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

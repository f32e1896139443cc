using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>Linkerd's <c>HTTPLocalRateLimitPolicy</c> (<c>policy.linkerd.io/v1alpha1</c>): requests per second a <see cref="Server"/> admits, in total, per client identity and for given clients.</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class HttpLocalRateLimitPolicy : CustomResource<HttpLocalRateLimitPolicySpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "policy.linkerd.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "HTTPLocalRateLimitPolicy";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1alpha1";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "httplocalratelimitpolicies";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public HttpLocalRateLimitPolicy()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

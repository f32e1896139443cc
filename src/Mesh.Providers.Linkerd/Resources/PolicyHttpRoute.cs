using k8s.Models;
using Mesh.Kubernetes;
using Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>
/// Linkerd's own copy of the Gateway API <c>HTTPRoute</c> (<c>policy.linkerd.io/v1beta3</c>): the same spec, so clusters
/// without the Gateway API CRDs can route. Its filters are RequestHeaderModifier and RequestRedirect.
/// </summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class PolicyHttpRoute : CustomResource<HttpRouteSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "policy.linkerd.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "HTTPRoute";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1beta3";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "httproutes";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public PolicyHttpRoute()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

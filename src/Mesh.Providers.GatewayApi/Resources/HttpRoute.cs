using k8s;
using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>HTTP routing rules for a Service (<c>gateway.networking.k8s.io/v1</c>, mesh form).</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class HttpRoute : CustomResource<HttpRouteSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "gateway.networking.k8s.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "HTTPRoute";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "httproutes";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public HttpRoute()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

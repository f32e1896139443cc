using k8s;
using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>
/// A layer-4 split of the connections to a Service (<c>gateway.networking.k8s.io/v1</c>, mesh form). The same spec is
/// served as <c>v1alpha2</c> by older Gateway API releases (the version Linkerd bundles and writes); set
/// <see cref="KubernetesObject.ApiVersion"/> to write that version.
/// </summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class TcpRoute : CustomResource<TcpRouteSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "gateway.networking.k8s.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "TCPRoute";

    /// <summary>The version written by default.</summary>
    public const string KubeApiVersion = "v1";

    /// <summary>The experimental version of older Gateway API releases (no longer served by the v1.6 standard-channel CRDs).</summary>
    public const string KubeApiVersionV1Alpha2 = "v1alpha2";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "tcproutes";

    /// <summary>Creates an empty resource with <c>apiVersion</c> (<c>v1</c>) and <c>kind</c> set.</summary>
    public TcpRoute()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

using k8s;
using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>
/// TLS connections selected by their SNI host name (<c>gateway.networking.k8s.io/v1alpha2</c>, the version the Gateway API
/// CRDs bundled with Linkerd serve, or <c>v1</c>, the standard channel's, with the same fields; set
/// <see cref="KubernetesObject.ApiVersion"/> to write it). Linkerd writes it with an <c>EgressNetwork</c> parent to let TLS to
/// the named hosts leave the cluster; gateway TLS routes are TLSRoutes with Gateway parents.
/// </summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class TlsRoute : CustomResource<TlsRouteSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "gateway.networking.k8s.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "TLSRoute";

    /// <summary>The version written by default (the experimental one Linkerd bundles); the Gateway API provider writes <see cref="KubeApiVersionV1"/>.</summary>
    public const string KubeApiVersion = "v1alpha2";

    /// <summary>The standard-channel version (served and stored by the v1.6 CRDs): hostnames required, exactly one rule.</summary>
    public const string KubeApiVersionV1 = "v1";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "tlsroutes";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public TlsRoute()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

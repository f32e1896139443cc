using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.Consul.Resources;

/// <summary>
/// Consul's <c>JWTProvider</c> (the <c>jwt-provider</c> config entry): how tokens of one issuer are verified. A global entry:
/// its name is unique in the Consul datacenter (or admin partition), whatever Kubernetes namespace holds it; intentions name it.
/// </summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class JwtProvider : CustomResource<JwtProviderSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "consul.hashicorp.com";

    /// <summary>The kind.</summary>
    public const string KubeKind = "JWTProvider";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1alpha1";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "jwtproviders";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public JwtProvider()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}

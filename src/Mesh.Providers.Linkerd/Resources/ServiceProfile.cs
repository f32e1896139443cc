using System.Text.Json.Serialization;
using k8s;
using k8s.Models;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>
/// Linkerd's legacy per-service routing (<c>linkerd.io/v1alpha2</c>), read on import only: its routes, timeouts, retries
/// and traffic split become model routes, written back as HTTPRoutes with Linkerd's annotations.
/// </summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class ServiceProfile : KubernetesObject, IKubernetesObject<V1ObjectMeta>, ISpec<ServiceProfileSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "linkerd.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "ServiceProfile";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1alpha2";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "serviceprofiles";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public ServiceProfile()
    {
        ApiVersion = KubeGroup + "/" + KubeApiVersion;
        Kind = KubeKind;
    }

    /// <summary>The object metadata (the name is the service FQDN).</summary>
    [JsonPropertyName("metadata")]
    [YamlMember(Alias = "metadata", Order = 1)]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The spec.</summary>
    [JsonPropertyName("spec")]
    [YamlMember(Alias = "spec", Order = 2)]
    public ServiceProfileSpec Spec { get; set; } = new();
}

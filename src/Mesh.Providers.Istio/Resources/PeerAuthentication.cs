using System.Text.Json.Serialization;
using k8s;
using k8s.Models;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>The mTLS mode workloads accept (<c>security.istio.io/v1</c>).</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class PeerAuthentication : KubernetesObject, IKubernetesObject<V1ObjectMeta>, ISpec<PeerAuthenticationSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "security.istio.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "PeerAuthentication";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "peerauthentications";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public PeerAuthentication()
    {
        ApiVersion = KubeGroup + "/" + KubeApiVersion;
        Kind = KubeKind;
    }

    /// <summary>The object metadata (name, namespace, labels).</summary>
    [JsonPropertyName("metadata")]
    [YamlMember(Alias = "metadata", Order = 1)]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The spec.</summary>
    [JsonPropertyName("spec")]
    [YamlMember(Alias = "spec", Order = 2)]
    public PeerAuthenticationSpec Spec { get; set; } = new();
}

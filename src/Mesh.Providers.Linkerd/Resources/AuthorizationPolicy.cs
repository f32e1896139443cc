using System.Text.Json.Serialization;
using k8s;
using k8s.Models;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>Linkerd's <c>AuthorizationPolicy</c> (<c>policy.linkerd.io/v1alpha1</c>): allows traffic to a Server, HTTPRoute or Namespace when every required authentication holds.</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class AuthorizationPolicy : KubernetesObject, IKubernetesObject<V1ObjectMeta>, ISpec<AuthorizationPolicySpec>
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
    {
        ApiVersion = KubeGroup + "/" + KubeApiVersion;
        Kind = KubeKind;
    }

    /// <summary>The object metadata.</summary>
    [JsonPropertyName("metadata")]
    [YamlMember(Alias = "metadata", Order = 1)]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The spec.</summary>
    [JsonPropertyName("spec")]
    [YamlMember(Alias = "spec", Order = 2)]
    public AuthorizationPolicySpec Spec { get; set; } = new();
}

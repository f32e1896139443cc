using System.Text.Json.Serialization;
using k8s;
using k8s.Models;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>Linkerd's legacy <c>ServerAuthorization</c> (<c>policy.linkerd.io/v1beta1</c>), read on import only: it became <see cref="AuthorizationPolicy"/> with <see cref="MeshTlsAuthentication"/> / <see cref="NetworkAuthentication"/>.</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class ServerAuthorization : KubernetesObject, IKubernetesObject<V1ObjectMeta>, ISpec<ServerAuthorizationSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "policy.linkerd.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "ServerAuthorization";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1beta1";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "serverauthorizations";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public ServerAuthorization()
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
    public ServerAuthorizationSpec Spec { get; set; } = new();
}

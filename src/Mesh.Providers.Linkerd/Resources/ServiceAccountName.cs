using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>A service account of a <see cref="ServerAuthorizationMeshTls"/>.</summary>
public sealed class ServiceAccountName
{
    /// <summary>The name.</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>The namespace (absent: the ServerAuthorization's).</summary>
    [JsonPropertyName("namespace")]
    [YamlMember(Alias = "namespace")]
    public string? Namespace { get; set; }
}

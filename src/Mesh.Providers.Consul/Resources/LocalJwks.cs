using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>A local key set: exactly one of <see cref="Jwks"/> and <see cref="Filename"/>.</summary>
public sealed class LocalJwks
{
    /// <summary>The key set's JSON, base64-encoded (standard alphabet, padded).</summary>
    [JsonPropertyName("jwks")]
    [YamlMember(Alias = "jwks")]
    public string? Jwks { get; set; }

    /// <summary>A file on every proxy's disk holding the key set.</summary>
    [JsonPropertyName("filename")]
    [YamlMember(Alias = "filename")]
    public string? Filename { get; set; }
}

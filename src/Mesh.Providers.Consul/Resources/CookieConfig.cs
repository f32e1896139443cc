using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>Settings of a hashed cookie.</summary>
public sealed class CookieConfig
{
    /// <summary>Whether a session cookie is generated.</summary>
    [JsonPropertyName("session")]
    [YamlMember(Alias = "session")]
    public bool? Session { get; set; }

    /// <summary>The generated cookie's lifetime (Go duration).</summary>
    [JsonPropertyName("ttl")]
    [YamlMember(Alias = "ttl")]
    public string? Ttl { get; set; }

    /// <summary>The generated cookie's path.</summary>
    [JsonPropertyName("path")]
    [YamlMember(Alias = "path")]
    public string? Path { get; set; }
}

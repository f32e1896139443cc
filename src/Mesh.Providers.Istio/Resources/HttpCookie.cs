using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A cookie hashed for session affinity.</summary>
public sealed class HttpCookie
{
    /// <summary>The cookie name.</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>The path of the generated cookie.</summary>
    [JsonPropertyName("path")]
    [YamlMember(Alias = "path")]
    public string? Path { get; set; }

    /// <summary>The lifetime of the generated cookie; a cookie is generated only when set.</summary>
    [JsonPropertyName("ttl")]
    [YamlMember(Alias = "ttl")]
    public string? Ttl { get; set; }
}

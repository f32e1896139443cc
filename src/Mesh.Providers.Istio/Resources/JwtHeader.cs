using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A header carrying a token.</summary>
public sealed class JwtHeader
{
    /// <summary>The header name.</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>The prefix stripped before decoding.</summary>
    [JsonPropertyName("prefix")]
    [YamlMember(Alias = "prefix")]
    public string? Prefix { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>A request header that carries a token.</summary>
public sealed class JwtLocationHeader
{
    /// <summary>The header name.</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>Text before the token (e.g. <c>"Bearer "</c>).</summary>
    [JsonPropertyName("valuePrefix")]
    [YamlMember(Alias = "valuePrefix")]
    public string? ValuePrefix { get; set; }

    /// <summary>Whether the header is kept on the request once the token is verified (Consul's default: false).</summary>
    [JsonPropertyName("forward")]
    [YamlMember(Alias = "forward")]
    public bool? Forward { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>A query parameter or cookie that carries a token.</summary>
public sealed class JwtLocationName
{
    /// <summary>Its name.</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }
}

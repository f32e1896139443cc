using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>A claim a token must hold: the value at <see cref="Path"/> is <see cref="Value"/> (or a list containing it).</summary>
public sealed class IntentionJwtClaim
{
    /// <summary>The claim's path in the payload, outermost first.</summary>
    [JsonPropertyName("path")]
    [YamlMember(Alias = "path")]
    public List<string>? Path { get; set; }

    /// <summary>The expected value.</summary>
    [JsonPropertyName("value")]
    [YamlMember(Alias = "value")]
    public string? Value { get; set; }
}

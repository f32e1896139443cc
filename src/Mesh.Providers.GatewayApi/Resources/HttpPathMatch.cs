using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>A path condition.</summary>
public sealed class HttpPathMatch
{
    /// <summary><c>Exact</c>, <c>PathPrefix</c> or <c>RegularExpression</c>; <c>PathPrefix</c> when absent.</summary>
    [JsonPropertyName("type")]
    [YamlMember(Alias = "type")]
    public string? Type { get; set; }

    /// <summary>The path, prefix or regular expression.</summary>
    [JsonPropertyName("value")]
    [YamlMember(Alias = "value")]
    public string? Value { get; set; }
}

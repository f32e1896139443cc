using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>A gRPC method condition.</summary>
public sealed class GrpcMethodMatch
{
    /// <summary><c>Exact</c> or <c>RegularExpression</c>; <c>Exact</c> when absent.</summary>
    [JsonPropertyName("type")]
    [YamlMember(Alias = "type")]
    public string? Type { get; set; }

    /// <summary>The fully qualified service (<c>pkg.Service</c>); any when absent.</summary>
    [JsonPropertyName("service")]
    [YamlMember(Alias = "service")]
    public string? Service { get; set; }

    /// <summary>The method; any when absent.</summary>
    [JsonPropertyName("method")]
    [YamlMember(Alias = "method")]
    public string? Method { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A claim copied to a header.</summary>
public sealed class ClaimToHeader
{
    /// <summary>The header set.</summary>
    [JsonPropertyName("header")]
    [YamlMember(Alias = "header")]
    public string? Header { get; set; }

    /// <summary>The claim copied.</summary>
    [JsonPropertyName("claim")]
    [YamlMember(Alias = "claim")]
    public string? Claim { get; set; }
}

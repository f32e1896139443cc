using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>Where callers in one locality send traffic.</summary>
public sealed class LocalityDistribute
{
    /// <summary>The callers' locality.</summary>
    [JsonPropertyName("from")]
    [YamlMember(Alias = "from")]
    public string? From { get; set; }

    /// <summary>Destination localities and their weights.</summary>
    [JsonPropertyName("to")]
    [YamlMember(Alias = "to")]
    public Dictionary<string, uint>? To { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A named subset of a host's workloads.</summary>
public sealed class Subset
{
    /// <summary>The subset name.</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>The labels selecting its workloads.</summary>
    [JsonPropertyName("labels")]
    [YamlMember(Alias = "labels")]
    public Dictionary<string, string>? Labels { get; set; }

    /// <summary>The policy of this subset.</summary>
    [JsonPropertyName("trafficPolicy")]
    [YamlMember(Alias = "trafficPolicy")]
    public TrafficPolicy? TrafficPolicy { get; set; }
}

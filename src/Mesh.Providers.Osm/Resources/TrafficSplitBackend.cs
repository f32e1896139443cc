using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>One backend of a <see cref="TrafficSplit"/>.</summary>
public sealed class TrafficSplitBackend
{
    /// <summary>The backend Service's name, in the split's namespace (required).</summary>
    [JsonPropertyName("service")]
    [YamlMember(Alias = "service")]
    public string? Service { get; set; }

    /// <summary>The backend's relative share of the traffic (required).</summary>
    [JsonPropertyName("weight")]
    [YamlMember(Alias = "weight")]
    public int? Weight { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>The spec of a <see cref="TrafficSplit"/>.</summary>
public sealed class TrafficSplitSpec
{
    /// <summary>The root Service whose callers are split: its name or FQDN (required).</summary>
    [JsonPropertyName("service")]
    [YamlMember(Alias = "service")]
    public string? Service { get; set; }

    /// <summary>The backend Services and their weights (required).</summary>
    [JsonPropertyName("backends")]
    [YamlMember(Alias = "backends")]
    public List<TrafficSplitBackend>? Backends { get; set; }
}

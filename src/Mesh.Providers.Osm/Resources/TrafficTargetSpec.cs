using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>The spec of a <see cref="TrafficTarget"/>.</summary>
public sealed class TrafficTargetSpec
{
    /// <summary>The service account whose workloads are called (required).</summary>
    [JsonPropertyName("destination")]
    [YamlMember(Alias = "destination")]
    public KindReference? Destination { get; set; }

    /// <summary>The requests allowed: HTTPRouteGroup matches or TCPRoute ports (required).</summary>
    [JsonPropertyName("rules")]
    [YamlMember(Alias = "rules")]
    public List<TrafficTargetRule>? Rules { get; set; }

    /// <summary>The service accounts allowed to call (required).</summary>
    [JsonPropertyName("sources")]
    [YamlMember(Alias = "sources")]
    public List<KindReference>? Sources { get; set; }
}

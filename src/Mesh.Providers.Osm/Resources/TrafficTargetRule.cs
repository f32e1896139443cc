using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>A rule of a <see cref="TrafficTarget"/>: a route resource of the target's namespace and, for an HTTPRouteGroup, the names of its matches allowed.</summary>
public sealed class TrafficTargetRule
{
    /// <summary><c>HTTPRouteGroup</c>, <c>TCPRoute</c> or <c>UDPRoute</c> (required).</summary>
    [JsonPropertyName("kind")]
    [YamlMember(Alias = "kind")]
    public string? Kind { get; set; }

    /// <summary>The route resource's name (required).</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>The HTTPRouteGroup match names allowed; absent means all of them.</summary>
    [JsonPropertyName("matches")]
    [YamlMember(Alias = "matches")]
    public List<string>? Matches { get; set; }
}

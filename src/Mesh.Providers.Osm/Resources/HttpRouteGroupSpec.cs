using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>The spec of an <see cref="HttpRouteGroup"/>.</summary>
public sealed class HttpRouteGroupSpec
{
    /// <summary>The named matches (required).</summary>
    [JsonPropertyName("matches")]
    [YamlMember(Alias = "matches")]
    public List<HttpMatchDefinition>? Matches { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>The spec of a <see cref="TcpRoute"/>.</summary>
public sealed class TcpRouteSpec
{
    /// <summary>The match conditions (required).</summary>
    [JsonPropertyName("matches")]
    [YamlMember(Alias = "matches")]
    public TcpRouteMatches? Matches { get; set; }
}

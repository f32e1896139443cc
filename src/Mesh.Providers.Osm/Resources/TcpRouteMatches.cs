using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>The match conditions of a <see cref="TcpRoute"/>.</summary>
public sealed class TcpRouteMatches
{
    /// <summary>The destination ports matched (required; empty means every port).</summary>
    [JsonPropertyName("ports")]
    [YamlMember(Alias = "ports")]
    public List<int>? Ports { get; set; }
}

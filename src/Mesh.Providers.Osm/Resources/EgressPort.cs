using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>A port of an <see cref="Egress"/>.</summary>
public sealed class EgressPort
{
    /// <summary>The port number (required).</summary>
    [JsonPropertyName("number")]
    [YamlMember(Alias = "number")]
    public int? Number { get; set; }

    /// <summary><c>http</c>, <c>https</c> or <c>tcp</c> (required).</summary>
    [JsonPropertyName("protocol")]
    [YamlMember(Alias = "protocol")]
    public string? Protocol { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>The port of an ingress backend.</summary>
public sealed class IngressBackendPort
{
    /// <summary>The target port number (required).</summary>
    [JsonPropertyName("number")]
    [YamlMember(Alias = "number")]
    public int? Number { get; set; }

    /// <summary><c>http</c> or <c>https</c> (required).</summary>
    [JsonPropertyName("protocol")]
    [YamlMember(Alias = "protocol")]
    public string? Protocol { get; set; }
}

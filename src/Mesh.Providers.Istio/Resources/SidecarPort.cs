using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>The port of a <c>Sidecar</c> egress listener.</summary>
public sealed class SidecarPort
{
    /// <summary>The port number.</summary>
    [JsonPropertyName("number")]
    [YamlMember(Alias = "number")]
    public long? Number { get; set; }

    /// <summary>The protocol (<c>HTTP</c>, <c>TCP</c>, …).</summary>
    [JsonPropertyName("protocol")]
    [YamlMember(Alias = "protocol")]
    public string? Protocol { get; set; }

    /// <summary>The port's name.</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }
}

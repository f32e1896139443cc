using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A port of a <c>ServiceEntry</c>.</summary>
public sealed class ServicePort
{
    /// <summary>The port number.</summary>
    [JsonPropertyName("number")]
    [YamlMember(Alias = "number")]
    public int? Number { get; set; }

    /// <summary><c>HTTP</c>, <c>HTTPS</c>, <c>HTTP2</c>, <c>GRPC</c>, <c>TCP</c> or <c>TLS</c>.</summary>
    [JsonPropertyName("protocol")]
    [YamlMember(Alias = "protocol")]
    public string? Protocol { get; set; }

    /// <summary>The port name.</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }
}

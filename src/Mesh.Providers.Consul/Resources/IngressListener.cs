using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>A listener of an ingress gateway.</summary>
public sealed class IngressListener
{
    /// <summary>The port.</summary>
    [JsonPropertyName("port")]
    [YamlMember(Alias = "port")]
    public int? Port { get; set; }

    /// <summary><c>tcp</c>, <c>http</c>, <c>http2</c> or <c>grpc</c>.</summary>
    [JsonPropertyName("protocol")]
    [YamlMember(Alias = "protocol")]
    public string? Protocol { get; set; }

    /// <summary>The services exposed.</summary>
    [JsonPropertyName("services")]
    [YamlMember(Alias = "services")]
    public List<IngressService>? Services { get; set; }
}

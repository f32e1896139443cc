using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The port and protocol a listener of a virtual node, router or gateway accepts traffic on.</summary>
public sealed class PortMapping
{
    /// <summary>The port, 1 to 65535.</summary>
    [JsonPropertyName("port")]
    [YamlMember(Alias = "port")]
    public int? Port { get; set; }

    /// <summary>The protocol: <c>http</c>, <c>http2</c>, <c>grpc</c> or <c>tcp</c> (<c>tcp</c> not on virtual gateways).</summary>
    [JsonPropertyName("protocol")]
    [YamlMember(Alias = "protocol")]
    public string? Protocol { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A server of a <c>Gateway</c>: a port, the hosts it exposes and how it handles TLS.</summary>
public sealed class Server
{
    /// <summary>The port (number, protocol, name).</summary>
    [JsonPropertyName("port")]
    [YamlMember(Alias = "port")]
    public ServicePort? Port { get; set; }

    /// <summary>The hosts exposed, as <c>[namespace/]dnsName</c>.</summary>
    [JsonPropertyName("hosts")]
    [YamlMember(Alias = "hosts")]
    public List<string>? Hosts { get; set; }

    /// <summary>TLS settings.</summary>
    [JsonPropertyName("tls")]
    [YamlMember(Alias = "tls")]
    public ServerTlsSettings? Tls { get; set; }

    /// <summary>An optional name for the server.</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>A listener of a <c>Gateway</c>: a port, a protocol, at most one host name, TLS and which routes may attach.</summary>
public sealed class Listener
{
    /// <summary>The listener's name, unique in the gateway (routes attach to it as <c>sectionName</c>).</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>The host name it serves (exact or <c>*.</c> wildcard); none: every host.</summary>
    [JsonPropertyName("hostname")]
    [YamlMember(Alias = "hostname")]
    public string? Hostname { get; set; }

    /// <summary>The port.</summary>
    [JsonPropertyName("port")]
    [YamlMember(Alias = "port")]
    public int? Port { get; set; }

    /// <summary><c>HTTP</c>, <c>HTTPS</c>, <c>TLS</c>, <c>TCP</c> (or <c>UDP</c>).</summary>
    [JsonPropertyName("protocol")]
    [YamlMember(Alias = "protocol")]
    public string? Protocol { get; set; }

    /// <summary>The TLS settings (HTTPS and TLS).</summary>
    [JsonPropertyName("tls")]
    [YamlMember(Alias = "tls")]
    public ListenerTls? Tls { get; set; }

    /// <summary>Which routes may attach.</summary>
    [JsonPropertyName("allowedRoutes")]
    [YamlMember(Alias = "allowedRoutes")]
    public AllowedRoutes? AllowedRoutes { get; set; }
}

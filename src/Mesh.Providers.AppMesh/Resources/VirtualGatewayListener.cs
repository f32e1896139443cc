using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>A listener of a virtual gateway.</summary>
public sealed class VirtualGatewayListener
{
    /// <summary>The port and protocol (<c>http</c>, <c>http2</c> or <c>grpc</c>; required).</summary>
    [JsonPropertyName("portMapping")]
    [YamlMember(Alias = "portMapping")]
    public PortMapping? PortMapping { get; set; }

    /// <summary>The listener's TLS.</summary>
    [JsonPropertyName("tls")]
    [YamlMember(Alias = "tls")]
    public ListenerTls? Tls { get; set; }

    /// <summary>The active health check of the gateway's instances.</summary>
    [JsonPropertyName("healthCheck")]
    [YamlMember(Alias = "healthCheck")]
    public HealthCheck? HealthCheck { get; set; }

    /// <summary>The connection limits (no <c>tcp</c>).</summary>
    [JsonPropertyName("connectionPool")]
    [YamlMember(Alias = "connectionPool")]
    public ConnectionPool? ConnectionPool { get; set; }
}

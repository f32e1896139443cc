using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>An inbound listener of a virtual node.</summary>
public sealed class VirtualNodeListener
{
    /// <summary>The port and protocol (required).</summary>
    [JsonPropertyName("portMapping")]
    [YamlMember(Alias = "portMapping")]
    public PortMapping? PortMapping { get; set; }

    /// <summary>The listener's TLS.</summary>
    [JsonPropertyName("tls")]
    [YamlMember(Alias = "tls")]
    public ListenerTls? Tls { get; set; }

    /// <summary>The active health check of the node's instances.</summary>
    [JsonPropertyName("healthCheck")]
    [YamlMember(Alias = "healthCheck")]
    public HealthCheck? HealthCheck { get; set; }

    /// <summary>The connection limits.</summary>
    [JsonPropertyName("connectionPool")]
    [YamlMember(Alias = "connectionPool")]
    public ConnectionPool? ConnectionPool { get; set; }

    /// <summary>Ejection of failing instances.</summary>
    [JsonPropertyName("outlierDetection")]
    [YamlMember(Alias = "outlierDetection")]
    public OutlierDetection? OutlierDetection { get; set; }

    /// <summary>The listener's timeouts.</summary>
    [JsonPropertyName("timeout")]
    [YamlMember(Alias = "timeout")]
    public ListenerTimeout? Timeout { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>Load balancing, connection pool, outlier detection, client TLS and per-port settings for a destination.</summary>
public sealed class TrafficPolicy
{
    /// <summary>Load balancing.</summary>
    [JsonPropertyName("loadBalancer")]
    [YamlMember(Alias = "loadBalancer")]
    public LoadBalancerSettings? LoadBalancer { get; set; }

    /// <summary>Connection limits.</summary>
    [JsonPropertyName("connectionPool")]
    [YamlMember(Alias = "connectionPool")]
    public ConnectionPoolSettings? ConnectionPool { get; set; }

    /// <summary>Outlier detection.</summary>
    [JsonPropertyName("outlierDetection")]
    [YamlMember(Alias = "outlierDetection")]
    public OutlierDetection? OutlierDetection { get; set; }

    /// <summary>Client TLS.</summary>
    [JsonPropertyName("tls")]
    [YamlMember(Alias = "tls")]
    public ClientTlsSettings? Tls { get; set; }

    /// <summary>Per-port settings, each replacing this policy's sections for its port.</summary>
    [JsonPropertyName("portLevelSettings")]
    [YamlMember(Alias = "portLevelSettings")]
    public List<PortTrafficPolicy>? PortLevelSettings { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>The traffic policy of one port (<c>trafficPolicy.portLevelSettings[]</c>): each section it sets replaces the policy's.</summary>
public sealed class PortTrafficPolicy
{
    /// <summary>The port.</summary>
    [JsonPropertyName("port")]
    [YamlMember(Alias = "port")]
    public PortSelector? Port { get; set; }

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
}

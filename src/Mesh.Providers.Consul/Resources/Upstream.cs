using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>The settings of one upstream (or of all, in <c>defaults</c>).</summary>
public sealed class Upstream
{
    /// <summary>The upstream service (overrides only).</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>The upstream's Consul namespace (Enterprise).</summary>
    [JsonPropertyName("namespace")]
    [YamlMember(Alias = "namespace")]
    public string? Namespace { get; set; }

    /// <summary>The upstream's admin partition (Enterprise).</summary>
    [JsonPropertyName("partition")]
    [YamlMember(Alias = "partition")]
    public string? Partition { get; set; }

    /// <summary>The upstream's cluster peer.</summary>
    [JsonPropertyName("peer")]
    [YamlMember(Alias = "peer")]
    public string? Peer { get; set; }

    /// <summary>The protocol of the upstream listener.</summary>
    [JsonPropertyName("protocol")]
    [YamlMember(Alias = "protocol")]
    public string? Protocol { get; set; }

    /// <summary>The connect timeout, in milliseconds.</summary>
    [JsonPropertyName("connectTimeoutMs")]
    [YamlMember(Alias = "connectTimeoutMs")]
    public int? ConnectTimeoutMs { get; set; }

    /// <summary>Circuit-breaker limits.</summary>
    [JsonPropertyName("limits")]
    [YamlMember(Alias = "limits")]
    public UpstreamLimits? Limits { get; set; }

    /// <summary>Outlier detection.</summary>
    [JsonPropertyName("passiveHealthCheck")]
    [YamlMember(Alias = "passiveHealthCheck")]
    public PassiveHealthCheck? PassiveHealthCheck { get; set; }

    /// <summary>The mesh gateway mode.</summary>
    [JsonPropertyName("meshGateway")]
    [YamlMember(Alias = "meshGateway")]
    public MeshGatewayConfig? MeshGateway { get; set; }

    /// <summary>An Envoy listener escape hatch.</summary>
    [JsonPropertyName("envoyListenerJSON")]
    [YamlMember(Alias = "envoyListenerJSON")]
    public string? EnvoyListenerJson { get; set; }

    /// <summary>An Envoy cluster escape hatch.</summary>
    [JsonPropertyName("envoyClusterJSON")]
    [YamlMember(Alias = "envoyClusterJSON")]
    public string? EnvoyClusterJson { get; set; }
}

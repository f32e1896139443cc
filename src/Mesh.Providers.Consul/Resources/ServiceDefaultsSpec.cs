using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>The spec of a <c>ServiceDefaults</c>.</summary>
public sealed class ServiceDefaultsSpec
{
    /// <summary>The service's protocol: <c>tcp</c> (Consul's default), <c>http</c>, <c>http2</c> or <c>grpc</c>; routers, splitters and L7 intentions need an HTTP-family protocol.</summary>
    [JsonPropertyName("protocol")]
    [YamlMember(Alias = "protocol")]
    public string? Protocol { get; set; }

    /// <summary>The proxy mode: <c>direct</c> or <c>transparent</c>.</summary>
    [JsonPropertyName("mode")]
    [YamlMember(Alias = "mode")]
    public string? Mode { get; set; }

    /// <summary><c>strict</c> or <c>permissive</c> (permissive only with <c>Mesh.allowEnablingPermissiveMutualTLS</c>, transparent proxy inbound only).</summary>
    [JsonPropertyName("mutualTLSMode")]
    [YamlMember(Alias = "mutualTLSMode")]
    public string? MutualTLSMode { get; set; }

    /// <summary>The mesh gateway mode of the service's upstreams.</summary>
    [JsonPropertyName("meshGateway")]
    [YamlMember(Alias = "meshGateway")]
    public MeshGatewayConfig? MeshGateway { get; set; }

    /// <summary>Paths exposed without mTLS (health checks).</summary>
    [JsonPropertyName("expose")]
    [YamlMember(Alias = "expose")]
    public ExposeConfig? Expose { get; set; }

    /// <summary>Transparent proxy settings.</summary>
    [JsonPropertyName("transparentProxy")]
    [YamlMember(Alias = "transparentProxy")]
    public TransparentProxyConfig? TransparentProxy { get; set; }

    /// <summary>Settings of the service's upstreams (caller side): limits, passive health checks, connect timeout.</summary>
    [JsonPropertyName("upstreamConfig")]
    [YamlMember(Alias = "upstreamConfig")]
    public UpstreamConfig? UpstreamConfig { get; set; }

    /// <summary>For a service outside the mesh reached through a terminating gateway: its addresses and port.</summary>
    [JsonPropertyName("destination")]
    [YamlMember(Alias = "destination")]
    public ServiceDestination? Destination { get; set; }

    /// <summary>The most concurrent inbound connections per instance.</summary>
    [JsonPropertyName("maxInboundConnections")]
    [YamlMember(Alias = "maxInboundConnections")]
    public int? MaxInboundConnections { get; set; }

    /// <summary>The timeout of the sidecar's connections to the local application, in milliseconds.</summary>
    [JsonPropertyName("localConnectTimeoutMs")]
    [YamlMember(Alias = "localConnectTimeoutMs")]
    public int? LocalConnectTimeoutMs { get; set; }

    /// <summary>The timeout of requests to the local application, in milliseconds.</summary>
    [JsonPropertyName("localRequestTimeoutMs")]
    [YamlMember(Alias = "localRequestTimeoutMs")]
    public int? LocalRequestTimeoutMs { get; set; }

    /// <summary>Envoy's inbound connection balancing across threads (<c>exact_balance</c>).</summary>
    [JsonPropertyName("balanceInboundConnections")]
    [YamlMember(Alias = "balanceInboundConnections")]
    public string? BalanceInboundConnections { get; set; }

    /// <summary>The SNI a terminating gateway sends to this external service.</summary>
    [JsonPropertyName("externalSNI")]
    [YamlMember(Alias = "externalSNI")]
    public string? ExternalSNI { get; set; }

    /// <summary>Inbound per-instance rate limits (Consul Enterprise 1.17 and later).</summary>
    [JsonPropertyName("rateLimits")]
    [YamlMember(Alias = "rateLimits")]
    public RateLimits? RateLimits { get; set; }

    /// <summary>Envoy extensions applied to the service's proxies.</summary>
    [JsonPropertyName("envoyExtensions")]
    [YamlMember(Alias = "envoyExtensions")]
    public List<EnvoyExtension>? EnvoyExtensions { get; set; }
}

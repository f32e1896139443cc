using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>The spec of <c>ProxyDefaults</c> <c>global</c>.</summary>
public sealed class ProxyDefaultsSpec
{
    /// <summary>The proxy mode: <c>direct</c> or <c>transparent</c>.</summary>
    [JsonPropertyName("mode")]
    [YamlMember(Alias = "mode")]
    public string? Mode { get; set; }

    /// <summary><c>strict</c> or <c>permissive</c> for every proxy (a ServiceDefaults overrides it).</summary>
    [JsonPropertyName("mutualTLSMode")]
    [YamlMember(Alias = "mutualTLSMode")]
    public string? MutualTLSMode { get; set; }

    /// <summary>Free-form proxy configuration (e.g. <c>protocol</c>, <c>local_request_timeout_ms</c>).</summary>
    [JsonPropertyName("config")]
    [YamlMember(Alias = "config")]
    public Dictionary<string, object?>? Config { get; set; }

    /// <summary>The mesh gateway mode.</summary>
    [JsonPropertyName("meshGateway")]
    [YamlMember(Alias = "meshGateway")]
    public MeshGatewayConfig? MeshGateway { get; set; }

    /// <summary>Paths exposed without mTLS.</summary>
    [JsonPropertyName("expose")]
    [YamlMember(Alias = "expose")]
    public ExposeConfig? Expose { get; set; }

    /// <summary>Transparent proxy settings.</summary>
    [JsonPropertyName("transparentProxy")]
    [YamlMember(Alias = "transparentProxy")]
    public TransparentProxyConfig? TransparentProxy { get; set; }

    /// <summary>Locality-aware routing.</summary>
    [JsonPropertyName("prioritizeByLocality")]
    [YamlMember(Alias = "prioritizeByLocality")]
    public PrioritizeByLocality? PrioritizeByLocality { get; set; }

    /// <summary>The access logs of every proxy.</summary>
    [JsonPropertyName("accessLogs")]
    [YamlMember(Alias = "accessLogs")]
    public AccessLogsConfig? AccessLogs { get; set; }

    /// <summary>Envoy extensions of every proxy.</summary>
    [JsonPropertyName("envoyExtensions")]
    [YamlMember(Alias = "envoyExtensions")]
    public List<EnvoyExtension>? EnvoyExtensions { get; set; }
}

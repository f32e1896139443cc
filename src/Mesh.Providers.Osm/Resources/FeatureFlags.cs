using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>OSM's optional features.</summary>
public sealed class FeatureFlags
{
    /// <summary>WASM-based statistics.</summary>
    [JsonPropertyName("enableWASMStats")]
    [YamlMember(Alias = "enableWASMStats")]
    public bool? EnableWasmStats { get; set; }

    /// <summary>Egress policies (<see cref="Egress"/>).</summary>
    [JsonPropertyName("enableEgressPolicy")]
    [YamlMember(Alias = "enableEgressPolicy")]
    public bool? EnableEgressPolicy { get; set; }

    /// <summary>Multicluster mode.</summary>
    [JsonPropertyName("enableMulticlusterMode")]
    [YamlMember(Alias = "enableMulticlusterMode")]
    public bool? EnableMulticlusterMode { get; set; }

    /// <summary>Snapshot cache mode.</summary>
    [JsonPropertyName("enableSnapshotCacheMode")]
    [YamlMember(Alias = "enableSnapshotCacheMode")]
    public bool? EnableSnapshotCacheMode { get; set; }

    /// <summary>Asynchronous proxy-service mapping.</summary>
    [JsonPropertyName("enableAsyncProxyServiceMapping")]
    [YamlMember(Alias = "enableAsyncProxyServiceMapping")]
    public bool? EnableAsyncProxyServiceMapping { get; set; }

    /// <summary>IngressBackend policies.</summary>
    [JsonPropertyName("enableIngressBackendPolicy")]
    [YamlMember(Alias = "enableIngressBackendPolicy")]
    public bool? EnableIngressBackendPolicy { get; set; }

    /// <summary>Envoy active health checks.</summary>
    [JsonPropertyName("enableEnvoyActiveHealthChecks")]
    [YamlMember(Alias = "enableEnvoyActiveHealthChecks")]
    public bool? EnableEnvoyActiveHealthChecks { get; set; }

    /// <summary>Retry policies (<see cref="Retry"/>).</summary>
    [JsonPropertyName("enableRetryPolicy")]
    [YamlMember(Alias = "enableRetryPolicy")]
    public bool? EnableRetryPolicy { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>Circuit-breaker limits of an upstream.</summary>
public sealed class UpstreamLimits
{
    /// <summary>The most connections to all instances of the upstream.</summary>
    [JsonPropertyName("maxConnections")]
    [YamlMember(Alias = "maxConnections")]
    public int? MaxConnections { get; set; }

    /// <summary>The most requests queued waiting for a connection.</summary>
    [JsonPropertyName("maxPendingRequests")]
    [YamlMember(Alias = "maxPendingRequests")]
    public int? MaxPendingRequests { get; set; }

    /// <summary>The most concurrent requests.</summary>
    [JsonPropertyName("maxConcurrentRequests")]
    [YamlMember(Alias = "maxConcurrentRequests")]
    public int? MaxConcurrentRequests { get; set; }
}

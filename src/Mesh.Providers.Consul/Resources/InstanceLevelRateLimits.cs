using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>Per-instance inbound rate limits.</summary>
public sealed class InstanceLevelRateLimits
{
    /// <summary>Requests per second.</summary>
    [JsonPropertyName("requestsPerSecond")]
    [YamlMember(Alias = "requestsPerSecond")]
    public int? RequestsPerSecond { get; set; }

    /// <summary>The burst size.</summary>
    [JsonPropertyName("requestsMaxBurst")]
    [YamlMember(Alias = "requestsMaxBurst")]
    public int? RequestsMaxBurst { get; set; }

    /// <summary>Limits of paths.</summary>
    [JsonPropertyName("routes")]
    [YamlMember(Alias = "routes")]
    public List<InstanceLevelRouteRateLimits>? Routes { get; set; }
}

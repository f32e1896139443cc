using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>Load balancing: a simple algorithm or a consistent hash.</summary>
public sealed class LoadBalancerSettings
{
    /// <summary><c>ROUND_ROBIN</c>, <c>LEAST_REQUEST</c>, <c>RANDOM</c>, … .</summary>
    [JsonPropertyName("simple")]
    [YamlMember(Alias = "simple")]
    public string? Simple { get; set; }

    /// <summary>Session affinity.</summary>
    [JsonPropertyName("consistentHash")]
    [YamlMember(Alias = "consistentHash")]
    public ConsistentHashLB? ConsistentHash { get; set; }

    /// <summary>Locality-aware load balancing.</summary>
    [JsonPropertyName("localityLbSetting")]
    [YamlMember(Alias = "localityLbSetting")]
    public LocalityLbSetting? LocalityLbSetting { get; set; }

    /// <summary>Slow start of new endpoints.</summary>
    [JsonPropertyName("warmup")]
    [YamlMember(Alias = "warmup")]
    public WarmupConfiguration? Warmup { get; set; }

    /// <summary>Deprecated: the warm-up duration (use warmup).</summary>
    [JsonPropertyName("warmupDurationSecs")]
    [YamlMember(Alias = "warmupDurationSecs")]
    public string? WarmupDurationSecs { get; set; }
}

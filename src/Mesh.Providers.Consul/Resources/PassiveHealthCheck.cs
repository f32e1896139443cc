using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>Outlier detection of an upstream's instances.</summary>
public sealed class PassiveHealthCheck
{
    /// <summary>The analysis interval (Go duration).</summary>
    [JsonPropertyName("interval")]
    [YamlMember(Alias = "interval")]
    public string? Interval { get; set; }

    /// <summary>Consecutive 5xx responses that eject an instance.</summary>
    [JsonPropertyName("maxFailures")]
    [YamlMember(Alias = "maxFailures")]
    public int? MaxFailures { get; set; }

    /// <summary>The percent chance an ejection by consecutive 5xx is enforced.</summary>
    [JsonPropertyName("enforcingConsecutive5xx")]
    [YamlMember(Alias = "enforcingConsecutive5xx")]
    public int? EnforcingConsecutive5xx { get; set; }

    /// <summary>The most instances ejected, in percent (Consul's default 10).</summary>
    [JsonPropertyName("maxEjectionPercent")]
    [YamlMember(Alias = "maxEjectionPercent")]
    public int? MaxEjectionPercent { get; set; }

    /// <summary>The base ejection time (Go duration; Consul's default 30s).</summary>
    [JsonPropertyName("baseEjectionTime")]
    [YamlMember(Alias = "baseEjectionTime")]
    public string? BaseEjectionTime { get; set; }
}

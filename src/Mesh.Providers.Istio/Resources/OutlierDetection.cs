using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>Ejection of failing endpoints.</summary>
public sealed class OutlierDetection
{
    /// <summary>Consecutive 5xx errors that eject an endpoint.</summary>
    [JsonPropertyName("consecutive5xxErrors")]
    [YamlMember(Alias = "consecutive5xxErrors")]
    public int? Consecutive5xxErrors { get; set; }

    /// <summary>Consecutive gateway errors that eject an endpoint.</summary>
    [JsonPropertyName("consecutiveGatewayErrors")]
    [YamlMember(Alias = "consecutiveGatewayErrors")]
    public int? ConsecutiveGatewayErrors { get; set; }

    /// <summary>How often endpoints are evaluated.</summary>
    [JsonPropertyName("interval")]
    [YamlMember(Alias = "interval")]
    public string? Interval { get; set; }

    /// <summary>The minimum ejection time.</summary>
    [JsonPropertyName("baseEjectionTime")]
    [YamlMember(Alias = "baseEjectionTime")]
    public string? BaseEjectionTime { get; set; }

    /// <summary>The most endpoints ejected at once, in percent.</summary>
    [JsonPropertyName("maxEjectionPercent")]
    [YamlMember(Alias = "maxEjectionPercent")]
    public int? MaxEjectionPercent { get; set; }
}

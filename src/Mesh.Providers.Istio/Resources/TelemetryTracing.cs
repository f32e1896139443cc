using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A <c>Telemetry</c> tracing entry.</summary>
public sealed class TelemetryTracing
{
    /// <summary>The percentage of requests traced, 0–100.</summary>
    [JsonPropertyName("randomSamplingPercentage")]
    [YamlMember(Alias = "randomSamplingPercentage")]
    public decimal? RandomSamplingPercentage { get; set; }

    /// <summary>Tags added to spans, by name.</summary>
    [JsonPropertyName("customTags")]
    [YamlMember(Alias = "customTags")]
    public Dictionary<string, TelemetryCustomTag?>? CustomTags { get; set; }
}

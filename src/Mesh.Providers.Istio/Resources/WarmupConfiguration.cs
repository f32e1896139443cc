using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>Slow start of new endpoints (<c>warmup</c>).</summary>
public sealed class WarmupConfiguration
{
    /// <summary>How long an endpoint warms up.</summary>
    [JsonPropertyName("duration")]
    [YamlMember(Alias = "duration")]
    public string? Duration { get; set; }

    /// <summary>The smallest share of its weight, in percent, during warm-up.</summary>
    [JsonPropertyName("minimumPercent")]
    [YamlMember(Alias = "minimumPercent")]
    public double? MinimumPercent { get; set; }

    /// <summary>How fast traffic grows (1 is linear).</summary>
    [JsonPropertyName("aggression")]
    [YamlMember(Alias = "aggression")]
    public double? Aggression { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>How many extra requests retries may add.</summary>
public sealed class RetryBudget
{
    /// <summary>The ratio of retries to original requests.</summary>
    [JsonPropertyName("retryRatio")]
    [YamlMember(Alias = "retryRatio")]
    public double? RetryRatio { get; set; }

    /// <summary>Retries allowed per second regardless of the ratio.</summary>
    [JsonPropertyName("minRetriesPerSecond")]
    [YamlMember(Alias = "minRetriesPerSecond")]
    public int? MinRetriesPerSecond { get; set; }

    /// <summary>The window the ratio is computed over.</summary>
    [JsonPropertyName("ttl")]
    [YamlMember(Alias = "ttl")]
    public string? Ttl { get; set; }
}

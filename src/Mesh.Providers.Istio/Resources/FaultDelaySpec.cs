using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A fixed delay injected into a share of requests.</summary>
public sealed class FaultDelaySpec
{
    /// <summary>The delay.</summary>
    [JsonPropertyName("fixedDelay")]
    [YamlMember(Alias = "fixedDelay")]
    public string? FixedDelay { get; set; }

    /// <summary>The share delayed.</summary>
    [JsonPropertyName("percentage")]
    [YamlMember(Alias = "percentage")]
    public Percent? Percentage { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>The spec of a ServiceProfile.</summary>
public sealed class ServiceProfileSpec
{
    /// <summary>The routes.</summary>
    [JsonPropertyName("routes")]
    [YamlMember(Alias = "routes")]
    public List<ServiceProfileRoute>? Routes { get; set; }

    /// <summary>The retry budget.</summary>
    [JsonPropertyName("retryBudget")]
    [YamlMember(Alias = "retryBudget")]
    public RetryBudget? RetryBudget { get; set; }

    /// <summary>Traffic-split destinations.</summary>
    [JsonPropertyName("dstOverrides")]
    [YamlMember(Alias = "dstOverrides")]
    public List<WeightedDestination>? DstOverrides { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>The spec of a <c>DestinationRule</c>: subsets and traffic policy of a host.</summary>
public sealed class DestinationRuleSpec
{
    /// <summary>The service host.</summary>
    [JsonPropertyName("host")]
    [YamlMember(Alias = "host")]
    public string? Host { get; set; }

    /// <summary>The policy of the whole host.</summary>
    [JsonPropertyName("trafficPolicy")]
    [YamlMember(Alias = "trafficPolicy")]
    public TrafficPolicy? TrafficPolicy { get; set; }

    /// <summary>Named subsets of the host's workloads.</summary>
    [JsonPropertyName("subsets")]
    [YamlMember(Alias = "subsets")]
    public List<Subset>? Subsets { get; set; }
}

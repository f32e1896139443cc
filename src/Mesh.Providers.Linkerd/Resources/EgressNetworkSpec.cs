using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>The spec of an <see cref="EgressNetwork"/>.</summary>
public sealed class EgressNetworkSpec
{
    /// <summary><c>Allow</c> or <c>Deny</c>: what happens to traffic to these networks that no route matches.</summary>
    [JsonPropertyName("trafficPolicy")]
    [YamlMember(Alias = "trafficPolicy")]
    public string? TrafficPolicy { get; set; }

    /// <summary>The networks; absent means every address outside the cluster networks.</summary>
    [JsonPropertyName("networks")]
    [YamlMember(Alias = "networks")]
    public List<Network>? Networks { get; set; }
}

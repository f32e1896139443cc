using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>The load balancer of a service.</summary>
public sealed class ConsulLoadBalancer
{
    /// <summary><c>random</c>, <c>round_robin</c>, <c>least_request</c>, <c>ring_hash</c> or <c>maglev</c>.</summary>
    [JsonPropertyName("policy")]
    [YamlMember(Alias = "policy")]
    public string? Policy { get; set; }

    /// <summary>Ring hash settings.</summary>
    [JsonPropertyName("ringHashConfig")]
    [YamlMember(Alias = "ringHashConfig")]
    public RingHashConfig? RingHashConfig { get; set; }

    /// <summary>Least request settings.</summary>
    [JsonPropertyName("leastRequestConfig")]
    [YamlMember(Alias = "leastRequestConfig")]
    public LeastRequestConfig? LeastRequestConfig { get; set; }

    /// <summary>What ring_hash and maglev hash on, in order.</summary>
    [JsonPropertyName("hashPolicies")]
    [YamlMember(Alias = "hashPolicies")]
    public List<HashPolicy>? HashPolicies { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>The spec of an <see cref="HttpLocalRateLimitPolicy"/>.</summary>
public sealed class HttpLocalRateLimitPolicySpec
{
    /// <summary>The <c>Server</c> limited (required; Linkerd takes no other kind).</summary>
    [JsonPropertyName("targetRef")]
    [YamlMember(Alias = "targetRef")]
    public PolicyReference? TargetRef { get; set; }

    /// <summary>The limit of all the traffic to the Server together; absent means none.</summary>
    [JsonPropertyName("total")]
    [YamlMember(Alias = "total")]
    public RateLimitRequests? Total { get; set; }

    /// <summary>The limit of each client identity; absent means none.</summary>
    [JsonPropertyName("identity")]
    [YamlMember(Alias = "identity")]
    public RateLimitRequests? Identity { get; set; }

    /// <summary>Limits of their own for given clients.</summary>
    [JsonPropertyName("overrides")]
    [YamlMember(Alias = "overrides")]
    public List<RateLimitOverride>? Overrides { get; set; }
}

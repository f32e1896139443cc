using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>A limit of an <see cref="HttpLocalRateLimitPolicy"/> for given clients.</summary>
public sealed class RateLimitOverride
{
    /// <summary>The requests admitted per second from these clients (required).</summary>
    [JsonPropertyName("requestsPerSecond")]
    [YamlMember(Alias = "requestsPerSecond")]
    public long? RequestsPerSecond { get; set; }

    /// <summary>The clients (service accounts, by kind and name) the limit is for (required).</summary>
    [JsonPropertyName("clientRefs")]
    [YamlMember(Alias = "clientRefs")]
    public List<PolicyReference>? ClientRefs { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>A rate of an <see cref="HttpLocalRateLimitPolicy"/>: requests per second.</summary>
public sealed class RateLimitRequests
{
    /// <summary>The requests admitted per second (required).</summary>
    [JsonPropertyName("requestsPerSecond")]
    [YamlMember(Alias = "requestsPerSecond")]
    public long? RequestsPerSecond { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>How failed requests are retried (Istio <c>HTTPRetry</c>).</summary>
public sealed class HttpRetry
{
    /// <summary>The number of retries.</summary>
    [JsonPropertyName("attempts")]
    [YamlMember(Alias = "attempts")]
    public int? Attempts { get; set; }

    /// <summary>The timeout of each attempt.</summary>
    [JsonPropertyName("perTryTimeout")]
    [YamlMember(Alias = "perTryTimeout")]
    public string? PerTryTimeout { get; set; }

    /// <summary>Comma-separated Envoy retry conditions and HTTP status codes.</summary>
    [JsonPropertyName("retryOn")]
    [YamlMember(Alias = "retryOn")]
    public string? RetryOn { get; set; }

    /// <summary>The base interval between attempts.</summary>
    [JsonPropertyName("backoff")]
    [YamlMember(Alias = "backoff")]
    public string? Backoff { get; set; }
}

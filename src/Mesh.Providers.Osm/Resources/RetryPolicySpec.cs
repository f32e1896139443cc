using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>The retry policy of a <see cref="Retry"/>; every field is required.</summary>
public sealed class RetryPolicySpec
{
    /// <summary>Envoy's <c>retry_on</c> conditions, comma-separated (e.g. <c>5xx,connect-failure</c>).</summary>
    [JsonPropertyName("retryOn")]
    [YamlMember(Alias = "retryOn")]
    public string? RetryOn { get; set; }

    /// <summary>The timeout of each try, a Go duration.</summary>
    [JsonPropertyName("perTryTimeout")]
    [YamlMember(Alias = "perTryTimeout")]
    public string? PerTryTimeout { get; set; }

    /// <summary>The most retries of one request.</summary>
    [JsonPropertyName("numRetries")]
    [YamlMember(Alias = "numRetries")]
    public int? NumRetries { get; set; }

    /// <summary>The base interval of the exponential back-off, a Go duration.</summary>
    [JsonPropertyName("retryBackoffBaseInterval")]
    [YamlMember(Alias = "retryBackoffBaseInterval")]
    public string? RetryBackoffBaseInterval { get; set; }
}

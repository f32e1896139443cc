using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>HTTP request limits.</summary>
public sealed class HttpSettings
{
    /// <summary>The most queued requests.</summary>
    [JsonPropertyName("http1MaxPendingRequests")]
    [YamlMember(Alias = "http1MaxPendingRequests")]
    public int? Http1MaxPendingRequests { get; set; }

    /// <summary>The most concurrent requests.</summary>
    [JsonPropertyName("http2MaxRequests")]
    [YamlMember(Alias = "http2MaxRequests")]
    public int? Http2MaxRequests { get; set; }

    /// <summary>The most requests per connection.</summary>
    [JsonPropertyName("maxRequestsPerConnection")]
    [YamlMember(Alias = "maxRequestsPerConnection")]
    public int? MaxRequestsPerConnection { get; set; }

    /// <summary>The most concurrent retries.</summary>
    [JsonPropertyName("maxRetries")]
    [YamlMember(Alias = "maxRetries")]
    public int? MaxRetries { get; set; }

    /// <summary>The idle timeout of upstream connections.</summary>
    [JsonPropertyName("idleTimeout")]
    [YamlMember(Alias = "idleTimeout")]
    public string? IdleTimeout { get; set; }

    /// <summary>The most concurrent streams per HTTP/2 connection.</summary>
    [JsonPropertyName("maxConcurrentStreams")]
    [YamlMember(Alias = "maxConcurrentStreams")]
    public int? MaxConcurrentStreams { get; set; }

    /// <summary>DEFAULT, DO_NOT_UPGRADE or UPGRADE.</summary>
    [JsonPropertyName("h2UpgradePolicy")]
    [YamlMember(Alias = "h2UpgradePolicy")]
    public string? H2UpgradePolicy { get; set; }
}

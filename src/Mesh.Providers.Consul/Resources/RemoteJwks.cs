using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>A key set fetched from a server.</summary>
public sealed class RemoteJwks
{
    /// <summary>The URI of the key set.</summary>
    [JsonPropertyName("uri")]
    [YamlMember(Alias = "uri")]
    public string? Uri { get; set; }

    /// <summary>How long a fetch may take, in milliseconds.</summary>
    [JsonPropertyName("requestTimeoutMs")]
    [YamlMember(Alias = "requestTimeoutMs")]
    public int? RequestTimeoutMs { get; set; }

    /// <summary>How long fetched keys are kept (Consul's default: 5m).</summary>
    [JsonPropertyName("cacheDuration")]
    [YamlMember(Alias = "cacheDuration")]
    public string? CacheDuration { get; set; }

    /// <summary>Whether the keys are fetched on the first request rather than before the listener starts.</summary>
    [JsonPropertyName("fetchAsynchronously")]
    [YamlMember(Alias = "fetchAsynchronously")]
    public bool? FetchAsynchronously { get; set; }

    /// <summary>Whether the fetch sets the host name as SNI.</summary>
    [JsonPropertyName("useSNI")]
    [YamlMember(Alias = "useSNI")]
    public bool? UseSni { get; set; }

    /// <summary>How failed fetches are retried (not read into the model).</summary>
    [JsonPropertyName("retryPolicy")]
    [YamlMember(Alias = "retryPolicy")]
    public Dictionary<string, object?>? RetryPolicy { get; set; }

    /// <summary>How the key set's host is reached (not read into the model).</summary>
    [JsonPropertyName("jwksCluster")]
    [YamlMember(Alias = "jwksCluster")]
    public Dictionary<string, object?>? JwksCluster { get; set; }
}

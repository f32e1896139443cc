using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>HTTP connection limits.</summary>
public sealed class HttpConnectionSettings
{
    /// <summary>The most parallel requests.</summary>
    [JsonPropertyName("maxRequests")]
    [YamlMember(Alias = "maxRequests")]
    public int? MaxRequests { get; set; }

    /// <summary>The most requests over one connection.</summary>
    [JsonPropertyName("maxRequestsPerConnection")]
    [YamlMember(Alias = "maxRequestsPerConnection")]
    public int? MaxRequestsPerConnection { get; set; }

    /// <summary>The most pending HTTP/1.1 requests.</summary>
    [JsonPropertyName("maxPendingRequests")]
    [YamlMember(Alias = "maxPendingRequests")]
    public int? MaxPendingRequests { get; set; }

    /// <summary>The most parallel retries.</summary>
    [JsonPropertyName("maxRetries")]
    [YamlMember(Alias = "maxRetries")]
    public int? MaxRetries { get; set; }
}

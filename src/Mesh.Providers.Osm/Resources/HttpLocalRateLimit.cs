using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>A local limit of HTTP requests per unit of time.</summary>
public sealed class HttpLocalRateLimit
{
    /// <summary>The requests allowed per unit (at least 1).</summary>
    [JsonPropertyName("requests")]
    [YamlMember(Alias = "requests")]
    public int? Requests { get; set; }

    /// <summary><c>second</c>, <c>minute</c> or <c>hour</c>.</summary>
    [JsonPropertyName("unit")]
    [YamlMember(Alias = "unit")]
    public string? Unit { get; set; }

    /// <summary>Requests allowed above the rate in a short period.</summary>
    [JsonPropertyName("burst")]
    [YamlMember(Alias = "burst")]
    public int? Burst { get; set; }

    /// <summary>The status of rate-limited responses (400–599; absent means 429).</summary>
    [JsonPropertyName("responseStatusCode")]
    [YamlMember(Alias = "responseStatusCode")]
    public int? ResponseStatusCode { get; set; }

    /// <summary>Headers added to rate-limited responses.</summary>
    [JsonPropertyName("responseHeadersToAdd")]
    [YamlMember(Alias = "responseHeadersToAdd")]
    public List<HttpHeaderValue>? ResponseHeadersToAdd { get; set; }
}

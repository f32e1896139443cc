using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>The rate limit of one path.</summary>
public sealed class InstanceLevelRouteRateLimits
{
    /// <summary>An exact path.</summary>
    [JsonPropertyName("pathExact")]
    [YamlMember(Alias = "pathExact")]
    public string? PathExact { get; set; }

    /// <summary>A path prefix.</summary>
    [JsonPropertyName("pathPrefix")]
    [YamlMember(Alias = "pathPrefix")]
    public string? PathPrefix { get; set; }

    /// <summary>A path regex (RE2).</summary>
    [JsonPropertyName("pathRegex")]
    [YamlMember(Alias = "pathRegex")]
    public string? PathRegex { get; set; }

    /// <summary>Requests per second.</summary>
    [JsonPropertyName("requestsPerSecond")]
    [YamlMember(Alias = "requestsPerSecond")]
    public int? RequestsPerSecond { get; set; }

    /// <summary>The burst size.</summary>
    [JsonPropertyName("requestsMaxBurst")]
    [YamlMember(Alias = "requestsMaxBurst")]
    public int? RequestsMaxBurst { get; set; }
}

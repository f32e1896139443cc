using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>A route of a ServiceProfile: a condition, a timeout and whether failed requests are retried.</summary>
public sealed class ServiceProfileRoute
{
    /// <summary>The route name (used in metrics).</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>Which requests the route classifies.</summary>
    [JsonPropertyName("condition")]
    [YamlMember(Alias = "condition")]
    public ServiceProfileRequestMatch? Condition { get; set; }

    /// <summary>The request timeout (Go duration); 10s when absent.</summary>
    [JsonPropertyName("timeout")]
    [YamlMember(Alias = "timeout")]
    public string? Timeout { get; set; }

    /// <summary>Whether failed requests are retried, within the retry budget.</summary>
    [JsonPropertyName("isRetryable")]
    [YamlMember(Alias = "isRetryable")]
    public bool? IsRetryable { get; set; }
}

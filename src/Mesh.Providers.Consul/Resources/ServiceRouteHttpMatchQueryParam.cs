using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>A query parameter criterion of a route: one of exact, regex or present.</summary>
public sealed class ServiceRouteHttpMatchQueryParam
{
    /// <summary>The parameter name.</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>Whether the parameter must be present.</summary>
    [JsonPropertyName("present")]
    [YamlMember(Alias = "present")]
    public bool? Present { get; set; }

    /// <summary>An exact value.</summary>
    [JsonPropertyName("exact")]
    [YamlMember(Alias = "exact")]
    public string? Exact { get; set; }

    /// <summary>A value regex (RE2, full match).</summary>
    [JsonPropertyName("regex")]
    [YamlMember(Alias = "regex")]
    public string? Regex { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>A header criterion of a route: one of exact, prefix, suffix, regex or present, optionally inverted.</summary>
public sealed class ServiceRouteHttpMatchHeader
{
    /// <summary>The header name.</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>Whether the header must be present.</summary>
    [JsonPropertyName("present")]
    [YamlMember(Alias = "present")]
    public bool? Present { get; set; }

    /// <summary>An exact value.</summary>
    [JsonPropertyName("exact")]
    [YamlMember(Alias = "exact")]
    public string? Exact { get; set; }

    /// <summary>A value prefix.</summary>
    [JsonPropertyName("prefix")]
    [YamlMember(Alias = "prefix")]
    public string? Prefix { get; set; }

    /// <summary>A value suffix.</summary>
    [JsonPropertyName("suffix")]
    [YamlMember(Alias = "suffix")]
    public string? Suffix { get; set; }

    /// <summary>A value regex (RE2, full match).</summary>
    [JsonPropertyName("regex")]
    [YamlMember(Alias = "regex")]
    public string? Regex { get; set; }

    /// <summary>Whether the criterion is inverted.</summary>
    [JsonPropertyName("invert")]
    [YamlMember(Alias = "invert")]
    public bool? Invert { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>A header criterion of an L7 permission.</summary>
public sealed class IntentionHttpHeaderPermission
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

    /// <summary>A substring of the value.</summary>
    [JsonPropertyName("contains")]
    [YamlMember(Alias = "contains")]
    public string? Contains { get; set; }

    /// <summary>A value regex (RE2).</summary>
    [JsonPropertyName("regex")]
    [YamlMember(Alias = "regex")]
    public string? Regex { get; set; }

    /// <summary>Whether values compare case-insensitively.</summary>
    [JsonPropertyName("ignoreCase")]
    [YamlMember(Alias = "ignoreCase")]
    public bool? IgnoreCase { get; set; }

    /// <summary>Whether the criterion is inverted.</summary>
    [JsonPropertyName("invert")]
    [YamlMember(Alias = "invert")]
    public bool? Invert { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>How a header or metadata value is matched; one is set.</summary>
public sealed class HeaderMatchMethod
{
    /// <summary>The value, matched exactly.</summary>
    [JsonPropertyName("exact")]
    [YamlMember(Alias = "exact")]
    public string? Exact { get; set; }

    /// <summary>A prefix of the value.</summary>
    [JsonPropertyName("prefix")]
    [YamlMember(Alias = "prefix")]
    public string? Prefix { get; set; }

    /// <summary>A suffix of the value.</summary>
    [JsonPropertyName("suffix")]
    [YamlMember(Alias = "suffix")]
    public string? Suffix { get; set; }

    /// <summary>A regular expression the value must match.</summary>
    [JsonPropertyName("regex")]
    [YamlMember(Alias = "regex")]
    public string? Regex { get; set; }

    /// <summary>A range of integer values.</summary>
    [JsonPropertyName("range")]
    [YamlMember(Alias = "range")]
    public MatchRange? Range { get; set; }
}

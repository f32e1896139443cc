using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A string condition: exactly one of <c>exact</c>, <c>prefix</c> or <c>regex</c> (RE2), or none for presence.</summary>
public sealed class StringMatch
{
    /// <summary>Equal to.</summary>
    [JsonPropertyName("exact")]
    [YamlMember(Alias = "exact")]
    public string? Exact { get; set; }

    /// <summary>Starts with.</summary>
    [JsonPropertyName("prefix")]
    [YamlMember(Alias = "prefix")]
    public string? Prefix { get; set; }

    /// <summary>Fully matched by the RE2 expression.</summary>
    [JsonPropertyName("regex")]
    [YamlMember(Alias = "regex")]
    public string? Regex { get; set; }
}

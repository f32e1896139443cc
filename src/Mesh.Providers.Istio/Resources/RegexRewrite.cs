using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A regex substitution of the path.</summary>
public sealed class RegexRewrite
{
    /// <summary>The RE2 expression.</summary>
    [JsonPropertyName("match")]
    [YamlMember(Alias = "match")]
    public string? Match { get; set; }

    /// <summary>The replacement.</summary>
    [JsonPropertyName("rewrite")]
    [YamlMember(Alias = "rewrite")]
    public string? Rewrite { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>A path condition; one is set.</summary>
public sealed class HttpPathMatch
{
    /// <summary>The path, matched exactly.</summary>
    [JsonPropertyName("exact")]
    [YamlMember(Alias = "exact")]
    public string? Exact { get; set; }

    /// <summary>A regular expression the whole path must match.</summary>
    [JsonPropertyName("regex")]
    [YamlMember(Alias = "regex")]
    public string? Regex { get; set; }
}

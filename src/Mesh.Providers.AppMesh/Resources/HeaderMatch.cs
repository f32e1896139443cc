using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>A condition on one request header (or, in gRPC routes, one metadata entry).</summary>
public sealed class HeaderMatch
{
    /// <summary>The header or metadata name (required).</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>How its value is matched; absent means the header must be present.</summary>
    [JsonPropertyName("match")]
    [YamlMember(Alias = "match")]
    public HeaderMatchMethod? Match { get; set; }

    /// <summary>Whether the condition is negated (the request matches when it does not hold).</summary>
    [JsonPropertyName("invert")]
    [YamlMember(Alias = "invert")]
    public bool? Invert { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>A condition on one query parameter.</summary>
public sealed class QueryParameterMatch
{
    /// <summary>The parameter name (required).</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>How its value is matched; absent means the parameter must be present.</summary>
    [JsonPropertyName("match")]
    [YamlMember(Alias = "match")]
    public QueryParameterMatchMethod? Match { get; set; }
}

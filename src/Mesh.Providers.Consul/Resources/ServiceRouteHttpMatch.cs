using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>An HTTP match: at most one path criterion; every header and query criterion must hold.</summary>
public sealed class ServiceRouteHttpMatch
{
    /// <summary>An exact path (starts with <c>/</c>).</summary>
    [JsonPropertyName("pathExact")]
    [YamlMember(Alias = "pathExact")]
    public string? PathExact { get; set; }

    /// <summary>A path prefix (starts with <c>/</c>).</summary>
    [JsonPropertyName("pathPrefix")]
    [YamlMember(Alias = "pathPrefix")]
    public string? PathPrefix { get; set; }

    /// <summary>A path regex (RE2, full match).</summary>
    [JsonPropertyName("pathRegex")]
    [YamlMember(Alias = "pathRegex")]
    public string? PathRegex { get; set; }

    /// <summary>Whether exact and prefix paths ignore case.</summary>
    [JsonPropertyName("caseInsensitive")]
    [YamlMember(Alias = "caseInsensitive")]
    public bool? CaseInsensitive { get; set; }

    /// <summary>Header criteria.</summary>
    [JsonPropertyName("header")]
    [YamlMember(Alias = "header")]
    public List<ServiceRouteHttpMatchHeader>? Header { get; set; }

    /// <summary>Query parameter criteria.</summary>
    [JsonPropertyName("queryParam")]
    [YamlMember(Alias = "queryParam")]
    public List<ServiceRouteHttpMatchQueryParam>? QueryParam { get; set; }

    /// <summary>Methods (upper case).</summary>
    [JsonPropertyName("methods")]
    [YamlMember(Alias = "methods")]
    public List<string>? Methods { get; set; }
}

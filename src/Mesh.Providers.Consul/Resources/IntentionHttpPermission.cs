using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>The requests an L7 permission matches.</summary>
public sealed class IntentionHttpPermission
{
    /// <summary>An exact path.</summary>
    [JsonPropertyName("pathExact")]
    [YamlMember(Alias = "pathExact")]
    public string? PathExact { get; set; }

    /// <summary>A path prefix.</summary>
    [JsonPropertyName("pathPrefix")]
    [YamlMember(Alias = "pathPrefix")]
    public string? PathPrefix { get; set; }

    /// <summary>A path regex (RE2).</summary>
    [JsonPropertyName("pathRegex")]
    [YamlMember(Alias = "pathRegex")]
    public string? PathRegex { get; set; }

    /// <summary>Methods (upper case).</summary>
    [JsonPropertyName("methods")]
    [YamlMember(Alias = "methods")]
    public List<string>? Methods { get; set; }

    /// <summary>Header criteria.</summary>
    [JsonPropertyName("header")]
    [YamlMember(Alias = "header")]
    public List<IntentionHttpHeaderPermission>? Header { get; set; }
}

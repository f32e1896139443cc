using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>One named match of an <see cref="HttpRouteGroup"/>: every condition given must hold.</summary>
public sealed class HttpMatchDefinition
{
    /// <summary>The match's name, referenced by TrafficTarget rules (required).</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>An RE2 expression the whole request path must match; absent means any path.</summary>
    [JsonPropertyName("pathRegex")]
    [YamlMember(Alias = "pathRegex")]
    public string? PathRegex { get; set; }

    /// <summary>The HTTP methods matched (<c>*</c> for any); absent means any method.</summary>
    [JsonPropertyName("methods")]
    [YamlMember(Alias = "methods")]
    public List<string>? Methods { get; set; }

    /// <summary>Header conditions, each a map of header name to an RE2 expression the value must match.</summary>
    [JsonPropertyName("headers")]
    [YamlMember(Alias = "headers")]
    public List<Dictionary<string, string>>? Headers { get; set; }
}

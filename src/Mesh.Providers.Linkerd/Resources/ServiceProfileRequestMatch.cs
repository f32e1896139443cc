using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>The condition of a ServiceProfile route: a path regex and a method (compound all/any/not conditions are not carried).</summary>
public sealed class ServiceProfileRequestMatch
{
    /// <summary>A regular expression the whole path must match.</summary>
    [JsonPropertyName("pathRegex")]
    [YamlMember(Alias = "pathRegex")]
    public string? PathRegex { get; set; }

    /// <summary>The HTTP method.</summary>
    [JsonPropertyName("method")]
    [YamlMember(Alias = "method")]
    public string? Method { get; set; }
}

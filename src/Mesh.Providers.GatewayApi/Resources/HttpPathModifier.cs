using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>A path replacement of a redirect or rewrite.</summary>
public sealed class HttpPathModifier
{
    /// <summary><c>ReplaceFullPath</c> or <c>ReplacePrefixMatch</c>.</summary>
    [JsonPropertyName("type")]
    [YamlMember(Alias = "type")]
    public string? Type { get; set; }

    /// <summary>The new path.</summary>
    [JsonPropertyName("replaceFullPath")]
    [YamlMember(Alias = "replaceFullPath")]
    public string? ReplaceFullPath { get; set; }

    /// <summary>What the matched prefix is replaced with.</summary>
    [JsonPropertyName("replacePrefixMatch")]
    [YamlMember(Alias = "replacePrefixMatch")]
    public string? ReplacePrefixMatch { get; set; }
}

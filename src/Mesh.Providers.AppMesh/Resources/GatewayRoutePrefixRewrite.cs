using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>A rewrite of the matched prefix by a gateway route.</summary>
public sealed class GatewayRoutePrefixRewrite
{
    /// <summary><c>ENABLED</c> (the matched prefix becomes <c>/</c>; the default) or <c>DISABLED</c>.</summary>
    [JsonPropertyName("defaultPrefix")]
    [YamlMember(Alias = "defaultPrefix")]
    public string? DefaultPrefix { get; set; }

    /// <summary>The prefix that replaces the matched one.</summary>
    [JsonPropertyName("value")]
    [YamlMember(Alias = "value")]
    public string? Value { get; set; }
}

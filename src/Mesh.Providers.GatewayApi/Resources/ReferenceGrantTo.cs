using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>A referent a <c>ReferenceGrant</c> opens.</summary>
public sealed class ReferenceGrantTo
{
    /// <summary>The referent's group (core: empty).</summary>
    [JsonPropertyName("group")]
    [YamlMember(Alias = "group")]
    public string? Group { get; set; }

    /// <summary>The referent's kind.</summary>
    [JsonPropertyName("kind")]
    [YamlMember(Alias = "kind")]
    public string? Kind { get; set; }

    /// <summary>The referent's name; none: every one of the kind.</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>A referrer a <c>ReferenceGrant</c> trusts.</summary>
public sealed class ReferenceGrantFrom
{
    /// <summary>The referrer's group.</summary>
    [JsonPropertyName("group")]
    [YamlMember(Alias = "group")]
    public string? Group { get; set; }

    /// <summary>The referrer's kind.</summary>
    [JsonPropertyName("kind")]
    [YamlMember(Alias = "kind")]
    public string? Kind { get; set; }

    /// <summary>The referrer's namespace.</summary>
    [JsonPropertyName("namespace")]
    [YamlMember(Alias = "namespace")]
    public string? Namespace { get; set; }
}

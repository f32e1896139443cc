using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>A reference to a Secret (or another certificate object).</summary>
public sealed class SecretObjectReference
{
    /// <summary>The group (core when empty).</summary>
    [JsonPropertyName("group")]
    [YamlMember(Alias = "group")]
    public string? Group { get; set; }

    /// <summary>The kind (<c>Secret</c> when absent).</summary>
    [JsonPropertyName("kind")]
    [YamlMember(Alias = "kind")]
    public string? Kind { get; set; }

    /// <summary>The name.</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>The namespace (the referrer's when absent).</summary>
    [JsonPropertyName("namespace")]
    [YamlMember(Alias = "namespace")]
    public string? Namespace { get; set; }
}

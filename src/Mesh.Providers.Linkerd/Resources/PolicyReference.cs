using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>A reference from a Linkerd policy resource to another object (<c>targetRef</c>, <c>requiredAuthenticationRefs</c>, <c>identityRefs</c>).</summary>
public sealed class PolicyReference
{
    /// <summary>The API group (absent or <c>core</c> for core kinds).</summary>
    [JsonPropertyName("group")]
    [YamlMember(Alias = "group")]
    public string? Group { get; set; }

    /// <summary>The kind.</summary>
    [JsonPropertyName("kind")]
    [YamlMember(Alias = "kind")]
    public string? Kind { get; set; }

    /// <summary>The name (for <c>identityRefs</c>, absent or <c>*</c> means every object of the kind).</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>The namespace, when not the referrer's (not on <c>targetRef</c>).</summary>
    [JsonPropertyName("namespace")]
    [YamlMember(Alias = "namespace")]
    public string? Namespace { get; set; }
}

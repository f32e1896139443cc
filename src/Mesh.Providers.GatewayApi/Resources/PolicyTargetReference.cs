using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>The object a direct policy attaches to, in the policy's namespace (<c>LocalPolicyTargetReferenceWithSectionName</c>).</summary>
public sealed class PolicyTargetReference
{
    /// <summary>The API group of the target; <c>""</c> (core) for a Service. Required.</summary>
    [JsonPropertyName("group")]
    [YamlMember(Alias = "group")]
    public string? Group { get; set; }

    /// <summary>The kind of the target, e.g. <c>Service</c>. Required.</summary>
    [JsonPropertyName("kind")]
    [YamlMember(Alias = "kind")]
    public string? Kind { get; set; }

    /// <summary>The target's name. Required.</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>The section of the target: for a Service, a port's name; absent means the whole target.</summary>
    [JsonPropertyName("sectionName")]
    [YamlMember(Alias = "sectionName")]
    public string? SectionName { get; set; }
}

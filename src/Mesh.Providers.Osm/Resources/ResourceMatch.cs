using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>A reference to a resource by API group, kind and name (Egress and IngressBackend <c>matches</c>).</summary>
public sealed class ResourceMatch
{
    /// <summary>The API group and version, e.g. <c>specs.smi-spec.io/v1alpha4</c> (required).</summary>
    [JsonPropertyName("apiGroup")]
    [YamlMember(Alias = "apiGroup")]
    public string? ApiGroup { get; set; }

    /// <summary>The kind (required).</summary>
    [JsonPropertyName("kind")]
    [YamlMember(Alias = "kind")]
    public string? Kind { get; set; }

    /// <summary>The name (required).</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }
}

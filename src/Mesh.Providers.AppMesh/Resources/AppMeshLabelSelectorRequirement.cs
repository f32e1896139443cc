using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>One set-based requirement of an <see cref="AppMeshLabelSelector"/>.</summary>
public sealed class AppMeshLabelSelectorRequirement
{
    /// <summary>The label key.</summary>
    [JsonPropertyName("key")]
    [YamlMember(Alias = "key")]
    public string? Key { get; set; }

    /// <summary><c>In</c>, <c>NotIn</c>, <c>Exists</c> or <c>DoesNotExist</c>.</summary>
    [JsonPropertyName("operator")]
    [YamlMember(Alias = "operator")]
    public string? Operator { get; set; }

    /// <summary>The values of <c>In</c> and <c>NotIn</c>.</summary>
    [JsonPropertyName("values")]
    [YamlMember(Alias = "values")]
    public List<string>? Values { get; set; }
}

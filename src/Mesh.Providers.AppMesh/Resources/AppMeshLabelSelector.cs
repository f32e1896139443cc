using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>A Kubernetes label selector (pods, namespaces or gateway routes an App Mesh resource selects).</summary>
public sealed class AppMeshLabelSelector
{
    /// <summary>Labels an object must carry, with these values.</summary>
    [JsonPropertyName("matchLabels")]
    [YamlMember(Alias = "matchLabels")]
    public Dictionary<string, string>? MatchLabels { get; set; }

    /// <summary>Set-based requirements an object must also meet.</summary>
    [JsonPropertyName("matchExpressions")]
    [YamlMember(Alias = "matchExpressions")]
    public List<AppMeshLabelSelectorRequirement>? MatchExpressions { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>A Kubernetes label selector.</summary>
public sealed class LabelSelector
{
    /// <summary>Labels a pod must have, with these values.</summary>
    [JsonPropertyName("matchLabels")]
    [YamlMember(Alias = "matchLabels")]
    public Dictionary<string, string>? MatchLabels { get; set; }

    /// <summary>Set-based requirements a pod must meet.</summary>
    [JsonPropertyName("matchExpressions")]
    [YamlMember(Alias = "matchExpressions")]
    public List<LabelSelectorRequirement>? MatchExpressions { get; set; }
}

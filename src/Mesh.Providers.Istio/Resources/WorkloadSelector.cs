using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>Workloads selected by labels.</summary>
public sealed class WorkloadSelector
{
    /// <summary>The labels.</summary>
    [JsonPropertyName("matchLabels")]
    [YamlMember(Alias = "matchLabels")]
    public Dictionary<string, string>? MatchLabels { get; set; }
}

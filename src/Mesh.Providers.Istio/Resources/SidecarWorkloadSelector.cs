using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>The workloads a <c>Sidecar</c> applies to (its selector takes <c>labels</c>, not <c>matchLabels</c>).</summary>
public sealed class SidecarWorkloadSelector
{
    /// <summary>The labels a workload must have.</summary>
    [JsonPropertyName("labels")]
    [YamlMember(Alias = "labels")]
    public Dictionary<string, string>? Labels { get; set; }
}

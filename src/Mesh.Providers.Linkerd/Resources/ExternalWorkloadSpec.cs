using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>The spec of an <see cref="ExternalWorkload"/>.</summary>
public sealed class ExternalWorkloadSpec
{
    /// <summary>The identity the workload's proxy presents, and the TLS server name it answers to.</summary>
    [JsonPropertyName("meshTls")]
    [YamlMember(Alias = "meshTls")]
    public ExternalWorkloadMeshTls? MeshTls { get; set; }

    /// <summary>The ports the workload listens on; Services refer to them by name.</summary>
    [JsonPropertyName("ports")]
    [YamlMember(Alias = "ports")]
    public List<ExternalWorkloadPort>? Ports { get; set; }

    /// <summary>The address the workload is reached on (Linkerd takes at most one).</summary>
    [JsonPropertyName("workloadIPs")]
    [YamlMember(Alias = "workloadIPs")]
    public List<ExternalWorkloadIp>? WorkloadIps { get; set; }
}

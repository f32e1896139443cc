using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>The spec of an <see cref="ExternalWorkload"/>.</summary>
public sealed class ExternalWorkloadSpec
{
    /// <summary>The identity the workload's proxy presents, and the TLS server name it answers to (<c>meshTLS</c> in <c>v1beta1</c>).</summary>
    [JsonPropertyName("meshTLS")]
    [YamlMember(Alias = "meshTLS")]
    public ExternalWorkloadMeshTls? MeshTls { get; set; }

    /// <summary>The same, as <c>v1alpha1</c> spells it (<c>meshTls</c>): read, never written.</summary>
    [JsonPropertyName("meshTls")]
    [YamlMember(Alias = "meshTls")]
    public ExternalWorkloadMeshTls? MeshTlsV1Alpha1 { get; set; }

    /// <summary>The ports the workload listens on; Services refer to them by name.</summary>
    [JsonPropertyName("ports")]
    [YamlMember(Alias = "ports")]
    public List<ExternalWorkloadPort>? Ports { get; set; }

    /// <summary>The address the workload is reached on (Linkerd takes at most one).</summary>
    [JsonPropertyName("workloadIPs")]
    [YamlMember(Alias = "workloadIPs")]
    public List<ExternalWorkloadIp>? WorkloadIps { get; set; }
}

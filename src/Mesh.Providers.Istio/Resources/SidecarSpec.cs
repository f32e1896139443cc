using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>The spec of a <c>Sidecar</c>: the hosts a workload's proxy may reach.</summary>
public sealed class SidecarSpec
{
    /// <summary>The workloads it applies to; null: every workload of its namespace (of the mesh, in the root namespace).</summary>
    [JsonPropertyName("workloadSelector")]
    [YamlMember(Alias = "workloadSelector")]
    public SidecarWorkloadSelector? WorkloadSelector { get; set; }

    /// <summary>Egress listeners.</summary>
    [JsonPropertyName("egress")]
    [YamlMember(Alias = "egress")]
    public List<IstioEgressListener>? Egress { get; set; }

    /// <summary>What happens to calls to unknown hosts.</summary>
    [JsonPropertyName("outboundTrafficPolicy")]
    [YamlMember(Alias = "outboundTrafficPolicy")]
    public OutboundTrafficPolicy? OutboundTrafficPolicy { get; set; }
}

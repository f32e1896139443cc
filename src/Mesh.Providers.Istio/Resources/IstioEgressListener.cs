using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>An egress listener of a <c>Sidecar</c>.</summary>
public sealed class IstioEgressListener
{
    /// <summary>Reachable hosts as <c>namespace/dnsName</c>.</summary>
    [JsonPropertyName("hosts")]
    [YamlMember(Alias = "hosts")]
    public List<string>? Hosts { get; set; }
}

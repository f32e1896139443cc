using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>The spec of a <c>PeerAuthentication</c>: the mTLS mode workloads accept.</summary>
public sealed class PeerAuthenticationSpec
{
    /// <summary>The workloads; absent for the whole namespace (or mesh, in the root namespace).</summary>
    [JsonPropertyName("selector")]
    [YamlMember(Alias = "selector")]
    public WorkloadSelector? Selector { get; set; }

    /// <summary>The mode for all ports.</summary>
    [JsonPropertyName("mtls")]
    [YamlMember(Alias = "mtls")]
    public MutualTls? Mtls { get; set; }

    /// <summary>Modes by port number.</summary>
    [JsonPropertyName("portLevelMtls")]
    [YamlMember(Alias = "portLevelMtls")]
    public Dictionary<string, MutualTls>? PortLevelMtls { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>The traffic settings of a <see cref="MeshConfigSpec"/>.</summary>
public sealed class TrafficSpec
{
    /// <summary>Whether every workload may call any destination outside the mesh.</summary>
    [JsonPropertyName("enableEgress")]
    [YamlMember(Alias = "enableEgress")]
    public bool? EnableEgress { get; set; }

    /// <summary>Outbound IP ranges not intercepted.</summary>
    [JsonPropertyName("outboundIPRangeExclusionList")]
    [YamlMember(Alias = "outboundIPRangeExclusionList")]
    public List<string>? OutboundIPRangeExclusionList { get; set; }

    /// <summary>Outbound IP ranges intercepted.</summary>
    [JsonPropertyName("outboundIPRangeInclusionList")]
    [YamlMember(Alias = "outboundIPRangeInclusionList")]
    public List<string>? OutboundIPRangeInclusionList { get; set; }

    /// <summary>Outbound ports not intercepted.</summary>
    [JsonPropertyName("outboundPortExclusionList")]
    [YamlMember(Alias = "outboundPortExclusionList")]
    public List<int>? OutboundPortExclusionList { get; set; }

    /// <summary>Inbound ports not intercepted.</summary>
    [JsonPropertyName("inboundPortExclusionList")]
    [YamlMember(Alias = "inboundPortExclusionList")]
    public List<int>? InboundPortExclusionList { get; set; }

    /// <summary>Network interfaces not intercepted.</summary>
    [JsonPropertyName("networkInterfaceExclusionList")]
    [YamlMember(Alias = "networkInterfaceExclusionList")]
    public List<string>? NetworkInterfaceExclusionList { get; set; }

    /// <summary>Whether SMI access policies are ignored and every meshed call is allowed.</summary>
    [JsonPropertyName("enablePermissiveTrafficPolicyMode")]
    [YamlMember(Alias = "enablePermissiveTrafficPolicyMode")]
    public bool? EnablePermissiveTrafficPolicyMode { get; set; }

    /// <summary>External authorization of inbound calls.</summary>
    [JsonPropertyName("inboundExternalAuthorization")]
    [YamlMember(Alias = "inboundExternalAuthorization")]
    public InboundExternalAuthorization? InboundExternalAuthorization { get; set; }
}

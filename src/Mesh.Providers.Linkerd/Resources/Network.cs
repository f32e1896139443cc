using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>A network: a CIDR with exceptions.</summary>
public sealed class Network
{
    /// <summary>The CIDR, e.g. <c>10.0.0.0/8</c>.</summary>
    [JsonPropertyName("cidr")]
    [YamlMember(Alias = "cidr")]
    public string? Cidr { get; set; }

    /// <summary>CIDRs inside <see cref="Cidr"/> that are not part of the network.</summary>
    [JsonPropertyName("except")]
    [YamlMember(Alias = "except")]
    public List<string>? Except { get; set; }
}

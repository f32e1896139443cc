using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A condition of a TLS rule: the connection's SNI, and optionally its port and the gateways it arrives at.</summary>
public sealed class TlsMatchAttributes
{
    /// <summary>The server names (exact or a leading <c>*.</c>) that select a connection (required).</summary>
    [JsonPropertyName("sniHosts")]
    [YamlMember(Alias = "sniHosts")]
    public List<string>? SniHosts { get; set; }

    /// <summary>The destination port; null: any.</summary>
    [JsonPropertyName("port")]
    [YamlMember(Alias = "port")]
    public int? Port { get; set; }

    /// <summary>The gateways (<c>name</c> or <c>namespace/name</c>) the condition applies at; null: the VirtualService's.</summary>
    [JsonPropertyName("gateways")]
    [YamlMember(Alias = "gateways")]
    public List<string>? Gateways { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>Transparent proxy settings of a service or of every proxy.</summary>
public sealed class TransparentProxyConfig
{
    /// <summary>The outbound listener port.</summary>
    [JsonPropertyName("outboundListenerPort")]
    [YamlMember(Alias = "outboundListenerPort")]
    public int? OutboundListenerPort { get; set; }

    /// <summary>Whether callers dial the instances' addresses directly.</summary>
    [JsonPropertyName("dialedDirectly")]
    [YamlMember(Alias = "dialedDirectly")]
    public bool? DialedDirectly { get; set; }
}

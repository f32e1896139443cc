using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>The spec of a <c>VirtualService</c>: routing rules for calls to its hosts.</summary>
public sealed class VirtualServiceSpec
{
    /// <summary>The hosts the rules apply to (FQDNs or short names relative to the resource namespace).</summary>
    [JsonPropertyName("hosts")]
    [YamlMember(Alias = "hosts")]
    public List<string>? Hosts { get; set; }

    /// <summary>The gateways the rules apply at (<c>[namespace/]name</c>), and <c>mesh</c> for the sidecars; none: the sidecars only.</summary>
    [JsonPropertyName("gateways")]
    [YamlMember(Alias = "gateways")]
    public List<string>? Gateways { get; set; }

    /// <summary>HTTP rules, in match order.</summary>
    [JsonPropertyName("http")]
    [YamlMember(Alias = "http")]
    public List<HttpRoute>? Http { get; set; }

    /// <summary>TCP rules, in match order.</summary>
    [JsonPropertyName("tcp")]
    [YamlMember(Alias = "tcp")]
    public List<TcpRoute>? Tcp { get; set; }

    /// <summary>The TLS rules: passed-through TLS connections routed by SNI.</summary>
    [JsonPropertyName("tls")]
    [YamlMember(Alias = "tls")]
    public List<TlsRoute>? Tls { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A layer-4 condition.</summary>
public sealed class L4MatchAttributes
{
    /// <summary>The destination port.</summary>
    [JsonPropertyName("port")]
    [YamlMember(Alias = "port")]
    public int? Port { get; set; }

    /// <summary>The gateways (<c>name</c> or <c>namespace/name</c>) the condition applies at; null: the VirtualService's.</summary>
    [JsonPropertyName("gateways")]
    [YamlMember(Alias = "gateways")]
    public List<string>? Gateways { get; set; }
}

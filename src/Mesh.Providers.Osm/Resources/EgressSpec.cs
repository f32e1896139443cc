using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>The spec of an <see cref="Egress"/>.</summary>
public sealed class EgressSpec
{
    /// <summary>The service accounts allowed out (required).</summary>
    [JsonPropertyName("sources")]
    [YamlMember(Alias = "sources")]
    public List<KindReference>? Sources { get; set; }

    /// <summary>The external hosts (for HTTP and HTTPS ports).</summary>
    [JsonPropertyName("hosts")]
    [YamlMember(Alias = "hosts")]
    public List<string>? Hosts { get; set; }

    /// <summary>The external address ranges, IPv4 CIDRs.</summary>
    [JsonPropertyName("ipAddresses")]
    [YamlMember(Alias = "ipAddresses")]
    public List<string>? IpAddresses { get; set; }

    /// <summary>The ports allowed (required).</summary>
    [JsonPropertyName("ports")]
    [YamlMember(Alias = "ports")]
    public List<EgressPort>? Ports { get; set; }

    /// <summary>Resources the policy matches on: HTTPRouteGroups, UpstreamTrafficSettings.</summary>
    [JsonPropertyName("matches")]
    [YamlMember(Alias = "matches")]
    public List<ResourceMatch>? Matches { get; set; }
}

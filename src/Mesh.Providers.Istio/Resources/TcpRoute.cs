using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>One TCP rule of a <c>VirtualService</c> (Istio <c>TCPRoute</c>).</summary>
public sealed class TcpRoute
{
    /// <summary>Conditions, any of which selects the rule.</summary>
    [JsonPropertyName("match")]
    [YamlMember(Alias = "match")]
    public List<L4MatchAttributes>? Match { get; set; }

    /// <summary>Weighted destinations.</summary>
    [JsonPropertyName("route")]
    [YamlMember(Alias = "route")]
    public List<RouteDestination>? Route { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A TLS rule of a VirtualService: connections whose SNI a match names, sent to weighted destinations.</summary>
public sealed class TlsRoute
{
    /// <summary>The conditions, any of which selects a connection (at least one).</summary>
    [JsonPropertyName("match")]
    [YamlMember(Alias = "match")]
    public List<TlsMatchAttributes>? Match { get; set; }

    /// <summary>The weighted destinations.</summary>
    [JsonPropertyName("route")]
    [YamlMember(Alias = "route")]
    public List<RouteDestination>? Route { get; set; }
}

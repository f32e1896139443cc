using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>One route of a <c>ServiceRouter</c>.</summary>
public sealed class ServiceRoute
{
    /// <summary>What the route matches (absent: everything).</summary>
    [JsonPropertyName("match")]
    [YamlMember(Alias = "match")]
    public ServiceRouteMatch? Match { get; set; }

    /// <summary>Where matching requests go.</summary>
    [JsonPropertyName("destination")]
    [YamlMember(Alias = "destination")]
    public ServiceRouteDestination? Destination { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A weighted destination of a TCP rule (Istio <c>RouteDestination</c>).</summary>
public sealed class RouteDestination
{
    /// <summary>The destination.</summary>
    [JsonPropertyName("destination")]
    [YamlMember(Alias = "destination")]
    public Destination? Destination { get; set; }

    /// <summary>The share of connections; the weights of a rule add up to 100.</summary>
    [JsonPropertyName("weight")]
    [YamlMember(Alias = "weight")]
    public int? Weight { get; set; }
}

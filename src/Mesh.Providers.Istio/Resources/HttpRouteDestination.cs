using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A weighted destination of an HTTP rule (Istio <c>HTTPRouteDestination</c>).</summary>
public sealed class HttpRouteDestination
{
    /// <summary>The destination.</summary>
    [JsonPropertyName("destination")]
    [YamlMember(Alias = "destination")]
    public Destination? Destination { get; set; }

    /// <summary>The share of traffic; the weights of a rule add up to 100.</summary>
    [JsonPropertyName("weight")]
    [YamlMember(Alias = "weight")]
    public int? Weight { get; set; }
}

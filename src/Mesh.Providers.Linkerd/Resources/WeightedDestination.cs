using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>A traffic-split destination of a ServiceProfile.</summary>
public sealed class WeightedDestination
{
    /// <summary>The destination, <c>service.namespace.svc.cluster.local[:port]</c>.</summary>
    [JsonPropertyName("authority")]
    [YamlMember(Alias = "authority")]
    public string? Authority { get; set; }

    /// <summary>The weight, a Kubernetes quantity (<c>1</c>, <c>500m</c>).</summary>
    [JsonPropertyName("weight")]
    [YamlMember(Alias = "weight")]
    public System.Text.Json.JsonElement? Weight { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A static endpoint of a <c>ServiceEntry</c>.</summary>
public sealed class WorkloadEntry
{
    /// <summary>The IP address or host name.</summary>
    [JsonPropertyName("address")]
    [YamlMember(Alias = "address")]
    public string? Address { get; set; }

    /// <summary>The port the endpoint listens on for each port of the entry, by port name.</summary>
    [JsonPropertyName("ports")]
    [YamlMember(Alias = "ports")]
    public Dictionary<string, int>? Ports { get; set; }

    /// <summary>The endpoint's labels (which DestinationRule subsets select).</summary>
    [JsonPropertyName("labels")]
    [YamlMember(Alias = "labels")]
    public Dictionary<string, string>? Labels { get; set; }

    /// <summary>The service account whose identity the endpoint's own sidecar presents (a workload enrolled in the mesh).</summary>
    [JsonPropertyName("serviceAccount")]
    [YamlMember(Alias = "serviceAccount")]
    public string? ServiceAccount { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>A virtual node a route sends a share of its traffic to; the reference or the ARN is set.</summary>
public sealed class WeightedTarget
{
    /// <summary>The <see cref="VirtualNode"/> of the cluster.</summary>
    [JsonPropertyName("virtualNodeRef")]
    [YamlMember(Alias = "virtualNodeRef")]
    public AppMeshReference? VirtualNodeRef { get; set; }

    /// <summary>The ARN of a virtual node outside the cluster.</summary>
    [JsonPropertyName("virtualNodeARN")]
    [YamlMember(Alias = "virtualNodeARN")]
    public string? VirtualNodeArn { get; set; }

    /// <summary>The relative weight, 0 to 100 (required).</summary>
    [JsonPropertyName("weight")]
    [YamlMember(Alias = "weight")]
    public int? Weight { get; set; }

    /// <summary>The node listener port traffic goes to; needed when the node has several listeners.</summary>
    [JsonPropertyName("port")]
    [YamlMember(Alias = "port")]
    public int? Port { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>A virtual node providing a virtual service; the reference or the ARN is set.</summary>
public sealed class VirtualNodeServiceProvider
{
    /// <summary>The <see cref="VirtualNode"/> of the cluster.</summary>
    [JsonPropertyName("virtualNodeRef")]
    [YamlMember(Alias = "virtualNodeRef")]
    public AppMeshReference? VirtualNodeRef { get; set; }

    /// <summary>The ARN of a virtual node outside the cluster.</summary>
    [JsonPropertyName("virtualNodeARN")]
    [YamlMember(Alias = "virtualNodeARN")]
    public string? VirtualNodeArn { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>A virtual router providing a virtual service; the reference or the ARN is set.</summary>
public sealed class VirtualRouterServiceProvider
{
    /// <summary>The <see cref="VirtualRouter"/> of the cluster.</summary>
    [JsonPropertyName("virtualRouterRef")]
    [YamlMember(Alias = "virtualRouterRef")]
    public AppMeshReference? VirtualRouterRef { get; set; }

    /// <summary>The ARN of a virtual router outside the cluster.</summary>
    [JsonPropertyName("virtualRouterARN")]
    [YamlMember(Alias = "virtualRouterARN")]
    public string? VirtualRouterArn { get; set; }
}

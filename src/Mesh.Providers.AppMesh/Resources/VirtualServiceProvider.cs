using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The provider of a virtual service; one is set.</summary>
public sealed class VirtualServiceProvider
{
    /// <summary>A virtual router that routes the traffic.</summary>
    [JsonPropertyName("virtualRouter")]
    [YamlMember(Alias = "virtualRouter")]
    public VirtualRouterServiceProvider? VirtualRouter { get; set; }

    /// <summary>A virtual node that receives all the traffic.</summary>
    [JsonPropertyName("virtualNode")]
    [YamlMember(Alias = "virtualNode")]
    public VirtualNodeServiceProvider? VirtualNode { get; set; }
}

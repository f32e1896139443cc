using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>A virtual service called by a virtual node; the reference or the ARN is set.</summary>
public sealed class VirtualServiceBackend
{
    /// <summary>The <see cref="VirtualService"/> of the cluster.</summary>
    [JsonPropertyName("virtualServiceRef")]
    [YamlMember(Alias = "virtualServiceRef")]
    public AppMeshReference? VirtualServiceRef { get; set; }

    /// <summary>The ARN of a virtual service outside the cluster.</summary>
    [JsonPropertyName("virtualServiceARN")]
    [YamlMember(Alias = "virtualServiceARN")]
    public string? VirtualServiceArn { get; set; }

    /// <summary>The client policy towards this backend, instead of the node's backend defaults.</summary>
    [JsonPropertyName("clientPolicy")]
    [YamlMember(Alias = "clientPolicy")]
    public ClientPolicy? ClientPolicy { get; set; }
}

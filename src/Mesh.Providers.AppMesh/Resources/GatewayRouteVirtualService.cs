using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The virtual service a gateway route targets; the reference or the ARN is set.</summary>
public sealed class GatewayRouteVirtualService
{
    /// <summary>The <see cref="VirtualService"/> of the cluster.</summary>
    [JsonPropertyName("virtualServiceRef")]
    [YamlMember(Alias = "virtualServiceRef")]
    public AppMeshReference? VirtualServiceRef { get; set; }

    /// <summary>The ARN of a virtual service outside the cluster.</summary>
    [JsonPropertyName("virtualServiceARN")]
    [YamlMember(Alias = "virtualServiceARN")]
    public string? VirtualServiceArn { get; set; }
}

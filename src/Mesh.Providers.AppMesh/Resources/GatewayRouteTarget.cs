using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The target of a gateway route.</summary>
public sealed class GatewayRouteTarget
{
    /// <summary>The virtual service requests go to (required).</summary>
    [JsonPropertyName("virtualService")]
    [YamlMember(Alias = "virtualService")]
    public GatewayRouteVirtualService? VirtualService { get; set; }

    /// <summary>The virtual service port; needed when its provider has several listeners.</summary>
    [JsonPropertyName("port")]
    [YamlMember(Alias = "port")]
    public int? Port { get; set; }
}

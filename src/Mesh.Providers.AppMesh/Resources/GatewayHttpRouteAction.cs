using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>Where an HTTP or HTTP/2 gateway route sends requests.</summary>
public sealed class GatewayHttpRouteAction
{
    /// <summary>The virtual service (required).</summary>
    [JsonPropertyName("target")]
    [YamlMember(Alias = "target")]
    public GatewayRouteTarget? Target { get; set; }

    /// <summary>Rewrites of the host name and path.</summary>
    [JsonPropertyName("rewrite")]
    [YamlMember(Alias = "rewrite")]
    public GatewayHttpRouteRewrite? Rewrite { get; set; }
}

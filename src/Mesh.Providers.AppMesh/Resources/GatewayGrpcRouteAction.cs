using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>Where a gRPC gateway route sends requests.</summary>
public sealed class GatewayGrpcRouteAction
{
    /// <summary>The virtual service (required).</summary>
    [JsonPropertyName("target")]
    [YamlMember(Alias = "target")]
    public GatewayRouteTarget? Target { get; set; }

    /// <summary>The host name rewrite.</summary>
    [JsonPropertyName("rewrite")]
    [YamlMember(Alias = "rewrite")]
    public GatewayGrpcRouteRewrite? Rewrite { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>A gRPC route of a virtual gateway.</summary>
public sealed class GatewayGrpcRouteSpec
{
    /// <summary>The requests it takes (required).</summary>
    [JsonPropertyName("match")]
    [YamlMember(Alias = "match")]
    public GatewayGrpcRouteMatch? Match { get; set; }

    /// <summary>Where they go (required).</summary>
    [JsonPropertyName("action")]
    [YamlMember(Alias = "action")]
    public GatewayGrpcRouteAction? Action { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The rewrite of a gRPC gateway route.</summary>
public sealed class GatewayGrpcRouteRewrite
{
    /// <summary>The host name rewrite.</summary>
    [JsonPropertyName("hostname")]
    [YamlMember(Alias = "hostname")]
    public GatewayRouteHostnameRewrite? Hostname { get; set; }
}

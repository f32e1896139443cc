using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The spec of a <see cref="GatewayRoute"/>; one route by protocol is set.</summary>
public sealed class GatewayRouteSpec
{
    /// <summary>The name in AWS App Mesh; absent means <c>name_namespace</c>.</summary>
    [JsonPropertyName("awsName")]
    [YamlMember(Alias = "awsName")]
    public string? AwsName { get; set; }

    /// <summary>The order of evaluation among the gateway's routes, 0 (first) to 1000 (last); absent means 1000.</summary>
    [JsonPropertyName("priority")]
    [YamlMember(Alias = "priority")]
    public int? Priority { get; set; }

    /// <summary>An HTTP/1.1 route.</summary>
    [JsonPropertyName("httpRoute")]
    [YamlMember(Alias = "httpRoute")]
    public GatewayHttpRouteSpec? HttpRoute { get; set; }

    /// <summary>An HTTP/2 route.</summary>
    [JsonPropertyName("http2Route")]
    [YamlMember(Alias = "http2Route")]
    public GatewayHttpRouteSpec? Http2Route { get; set; }

    /// <summary>A gRPC route.</summary>
    [JsonPropertyName("grpcRoute")]
    [YamlMember(Alias = "grpcRoute")]
    public GatewayGrpcRouteSpec? GrpcRoute { get; set; }

    /// <summary>The gateway the route belongs to (set by the controller).</summary>
    [JsonPropertyName("virtualGatewayRef")]
    [YamlMember(Alias = "virtualGatewayRef")]
    public VirtualGatewayReference? VirtualGatewayRef { get; set; }

    /// <summary>The mesh it belongs to (set by the controller).</summary>
    [JsonPropertyName("meshRef")]
    [YamlMember(Alias = "meshRef")]
    public MeshReference? MeshRef { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>A route of a virtual router: a name, a priority and one route by protocol.</summary>
public sealed class VirtualRouterRoute
{
    /// <summary>The route's name, unique in the router (required).</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>The order of evaluation among the router's routes, 0 (first) to 1000 (last).</summary>
    [JsonPropertyName("priority")]
    [YamlMember(Alias = "priority")]
    public int? Priority { get; set; }

    /// <summary>An HTTP/1.1 route.</summary>
    [JsonPropertyName("httpRoute")]
    [YamlMember(Alias = "httpRoute")]
    public HttpRouteSpec? HttpRoute { get; set; }

    /// <summary>An HTTP/2 route.</summary>
    [JsonPropertyName("http2Route")]
    [YamlMember(Alias = "http2Route")]
    public HttpRouteSpec? Http2Route { get; set; }

    /// <summary>A gRPC route.</summary>
    [JsonPropertyName("grpcRoute")]
    [YamlMember(Alias = "grpcRoute")]
    public GrpcRouteSpec? GrpcRoute { get; set; }

    /// <summary>A TCP route.</summary>
    [JsonPropertyName("tcpRoute")]
    [YamlMember(Alias = "tcpRoute")]
    public TcpRouteSpec? TcpRoute { get; set; }
}

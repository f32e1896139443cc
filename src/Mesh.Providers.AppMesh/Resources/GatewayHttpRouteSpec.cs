using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>An HTTP/1.1 or HTTP/2 route of a virtual gateway (<c>httpRoute</c>, <c>http2Route</c>).</summary>
public sealed class GatewayHttpRouteSpec
{
    /// <summary>The requests it takes (required).</summary>
    [JsonPropertyName("match")]
    [YamlMember(Alias = "match")]
    public GatewayHttpRouteMatch? Match { get; set; }

    /// <summary>Where they go (required).</summary>
    [JsonPropertyName("action")]
    [YamlMember(Alias = "action")]
    public GatewayHttpRouteAction? Action { get; set; }
}

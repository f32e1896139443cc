using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>The spec of a <c>GRPCRoute</c>.</summary>
public sealed class GrpcRouteSpec
{
    /// <summary>The parents: the Service (mesh form) whose calls are routed.</summary>
    [JsonPropertyName("parentRefs")]
    [YamlMember(Alias = "parentRefs")]
    public List<ParentReference>? ParentRefs { get; set; }

    /// <summary>The rules.</summary>
    [JsonPropertyName("rules")]
    [YamlMember(Alias = "rules")]
    public List<GrpcRouteRule>? Rules { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>The spec of an <c>HTTPRoute</c>.</summary>
public sealed class HttpRouteSpec
{
    /// <summary>The parents: the Service (mesh form) whose traffic is routed.</summary>
    [JsonPropertyName("parentRefs")]
    [YamlMember(Alias = "parentRefs")]
    public List<ParentReference>? ParentRefs { get; set; }

    /// <summary>The rules.</summary>
    [JsonPropertyName("rules")]
    [YamlMember(Alias = "rules")]
    public List<HttpRouteRule>? Rules { get; set; }
}

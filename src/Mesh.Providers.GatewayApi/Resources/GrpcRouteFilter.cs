using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>A filter of a gRPC rule; <see cref="Type"/> says which member is set.</summary>
public sealed class GrpcRouteFilter
{
    /// <summary><c>RequestHeaderModifier</c>, <c>ResponseHeaderModifier</c> or <c>RequestMirror</c>.</summary>
    [JsonPropertyName("type")]
    [YamlMember(Alias = "type")]
    public string? Type { get; set; }

    /// <summary>Request header changes.</summary>
    [JsonPropertyName("requestHeaderModifier")]
    [YamlMember(Alias = "requestHeaderModifier")]
    public HttpHeaderFilter? RequestHeaderModifier { get; set; }

    /// <summary>Response header changes.</summary>
    [JsonPropertyName("responseHeaderModifier")]
    [YamlMember(Alias = "responseHeaderModifier")]
    public HttpHeaderFilter? ResponseHeaderModifier { get; set; }

    /// <summary>The mirror.</summary>
    [JsonPropertyName("requestMirror")]
    [YamlMember(Alias = "requestMirror")]
    public HttpRequestMirrorFilter? RequestMirror { get; set; }
}

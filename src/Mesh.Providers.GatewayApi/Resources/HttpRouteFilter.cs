using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>A filter of a rule; <see cref="Type"/> says which member is set.</summary>
public sealed class HttpRouteFilter
{
    /// <summary><c>RequestHeaderModifier</c>, <c>ResponseHeaderModifier</c>, <c>RequestRedirect</c>, <c>URLRewrite</c>, <c>RequestMirror</c> or <c>CORS</c>.</summary>
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

    /// <summary>The redirect.</summary>
    [JsonPropertyName("requestRedirect")]
    [YamlMember(Alias = "requestRedirect")]
    public HttpRequestRedirectFilter? RequestRedirect { get; set; }

    /// <summary>The rewrite.</summary>
    [JsonPropertyName("urlRewrite")]
    [YamlMember(Alias = "urlRewrite")]
    public HttpUrlRewriteFilter? UrlRewrite { get; set; }

    /// <summary>The mirror.</summary>
    [JsonPropertyName("requestMirror")]
    [YamlMember(Alias = "requestMirror")]
    public HttpRequestMirrorFilter? RequestMirror { get; set; }

    /// <summary>The CORS policy.</summary>
    [JsonPropertyName("cors")]
    [YamlMember(Alias = "cors")]
    public HttpCorsFilter? Cors { get; set; }
}

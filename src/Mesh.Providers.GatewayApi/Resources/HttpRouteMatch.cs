using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>The conditions of one match; all must hold.</summary>
public sealed class HttpRouteMatch
{
    /// <summary>The path condition.</summary>
    [JsonPropertyName("path")]
    [YamlMember(Alias = "path")]
    public HttpPathMatch? Path { get; set; }

    /// <summary>Header conditions.</summary>
    [JsonPropertyName("headers")]
    [YamlMember(Alias = "headers")]
    public List<HttpHeaderMatch>? Headers { get; set; }

    /// <summary>Query-parameter conditions.</summary>
    [JsonPropertyName("queryParams")]
    [YamlMember(Alias = "queryParams")]
    public List<HttpQueryParamMatch>? QueryParams { get; set; }

    /// <summary>The HTTP method.</summary>
    [JsonPropertyName("method")]
    [YamlMember(Alias = "method")]
    public string? Method { get; set; }
}

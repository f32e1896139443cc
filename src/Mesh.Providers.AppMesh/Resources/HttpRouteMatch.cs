using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The match of an HTTP or HTTP/2 route; every condition set must hold.</summary>
public sealed class HttpRouteMatch
{
    /// <summary>A path prefix (<c>/</c> matches every path); set this or <see cref="Path"/>.</summary>
    [JsonPropertyName("prefix")]
    [YamlMember(Alias = "prefix")]
    public string? Prefix { get; set; }

    /// <summary>An exact or regular-expression path.</summary>
    [JsonPropertyName("path")]
    [YamlMember(Alias = "path")]
    public HttpPathMatch? Path { get; set; }

    /// <summary>The HTTP method (<c>GET</c>, <c>POST</c>, …).</summary>
    [JsonPropertyName("method")]
    [YamlMember(Alias = "method")]
    public string? Method { get; set; }

    /// <summary>The URL scheme: <c>http</c> or <c>https</c>.</summary>
    [JsonPropertyName("scheme")]
    [YamlMember(Alias = "scheme")]
    public string? Scheme { get; set; }

    /// <summary>Header conditions (at most 10).</summary>
    [JsonPropertyName("headers")]
    [YamlMember(Alias = "headers")]
    public List<HeaderMatch>? Headers { get; set; }

    /// <summary>Query parameter conditions (at most 10).</summary>
    [JsonPropertyName("queryParameters")]
    [YamlMember(Alias = "queryParameters")]
    public List<QueryParameterMatch>? QueryParameters { get; set; }

    /// <summary>The router listener port the route applies to; needed when the router has several listeners.</summary>
    [JsonPropertyName("port")]
    [YamlMember(Alias = "port")]
    public int? Port { get; set; }
}

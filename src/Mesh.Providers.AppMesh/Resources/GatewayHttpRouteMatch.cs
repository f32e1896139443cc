using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The match of an HTTP or HTTP/2 gateway route; every condition set must hold.</summary>
public sealed class GatewayHttpRouteMatch
{
    /// <summary>A path prefix.</summary>
    [JsonPropertyName("prefix")]
    [YamlMember(Alias = "prefix")]
    public string? Prefix { get; set; }

    /// <summary>An exact or regular-expression path.</summary>
    [JsonPropertyName("path")]
    [YamlMember(Alias = "path")]
    public HttpPathMatch? Path { get; set; }

    /// <summary>The HTTP method.</summary>
    [JsonPropertyName("method")]
    [YamlMember(Alias = "method")]
    public string? Method { get; set; }

    /// <summary>The requested host name.</summary>
    [JsonPropertyName("hostname")]
    [YamlMember(Alias = "hostname")]
    public GatewayRouteHostnameMatch? Hostname { get; set; }

    /// <summary>Header conditions (at most 10).</summary>
    [JsonPropertyName("headers")]
    [YamlMember(Alias = "headers")]
    public List<HeaderMatch>? Headers { get; set; }

    /// <summary>Query parameter conditions (at most 10).</summary>
    [JsonPropertyName("queryParameters")]
    [YamlMember(Alias = "queryParameters")]
    public List<QueryParameterMatch>? QueryParameters { get; set; }

    /// <summary>The gateway listener port the route applies to; needed when the gateway has several listeners.</summary>
    [JsonPropertyName("port")]
    [YamlMember(Alias = "port")]
    public int? Port { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>Answers the request with a redirect.</summary>
public sealed class HttpRequestRedirectFilter
{
    /// <summary><c>http</c> or <c>https</c>; the request's when absent.</summary>
    [JsonPropertyName("scheme")]
    [YamlMember(Alias = "scheme")]
    public string? Scheme { get; set; }

    /// <summary>The host; the request's when absent.</summary>
    [JsonPropertyName("hostname")]
    [YamlMember(Alias = "hostname")]
    public string? Hostname { get; set; }

    /// <summary>The path; the request's when absent.</summary>
    [JsonPropertyName("path")]
    [YamlMember(Alias = "path")]
    public HttpPathModifier? Path { get; set; }

    /// <summary>The port.</summary>
    [JsonPropertyName("port")]
    [YamlMember(Alias = "port")]
    public int? Port { get; set; }

    /// <summary>The status code (301, 302, 303, 307, 308); 302 when absent.</summary>
    [JsonPropertyName("statusCode")]
    [YamlMember(Alias = "statusCode")]
    public int? StatusCode { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>Rewrites the request before it is forwarded.</summary>
public sealed class HttpUrlRewriteFilter
{
    /// <summary>The new Host header.</summary>
    [JsonPropertyName("hostname")]
    [YamlMember(Alias = "hostname")]
    public string? Hostname { get; set; }

    /// <summary>The path rewrite.</summary>
    [JsonPropertyName("path")]
    [YamlMember(Alias = "path")]
    public HttpPathModifier? Path { get; set; }
}

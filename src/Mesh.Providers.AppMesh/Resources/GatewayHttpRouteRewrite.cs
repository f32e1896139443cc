using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The rewrites of an HTTP or HTTP/2 gateway route.</summary>
public sealed class GatewayHttpRouteRewrite
{
    /// <summary>The host name rewrite.</summary>
    [JsonPropertyName("hostname")]
    [YamlMember(Alias = "hostname")]
    public GatewayRouteHostnameRewrite? Hostname { get; set; }

    /// <summary>A rewrite of the whole path.</summary>
    [JsonPropertyName("path")]
    [YamlMember(Alias = "path")]
    public GatewayRoutePathRewrite? Path { get; set; }

    /// <summary>A rewrite of the matched prefix.</summary>
    [JsonPropertyName("prefix")]
    [YamlMember(Alias = "prefix")]
    public GatewayRoutePrefixRewrite? Prefix { get; set; }
}

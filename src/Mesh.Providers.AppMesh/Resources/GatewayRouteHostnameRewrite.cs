using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>Whether a gateway route rewrites the host name.</summary>
public sealed class GatewayRouteHostnameRewrite
{
    /// <summary><c>ENABLED</c> (the target virtual service's name replaces the host; the default) or <c>DISABLED</c>.</summary>
    [JsonPropertyName("defaultTargetHostname")]
    [YamlMember(Alias = "defaultTargetHostname")]
    public string? DefaultTargetHostname { get; set; }
}

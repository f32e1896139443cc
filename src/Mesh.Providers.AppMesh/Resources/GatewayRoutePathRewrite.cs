using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>A rewrite of the whole path by a gateway route.</summary>
public sealed class GatewayRoutePathRewrite
{
    /// <summary>The new path.</summary>
    [JsonPropertyName("exact")]
    [YamlMember(Alias = "exact")]
    public string? Exact { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>A host name condition of a gateway route; one is set.</summary>
public sealed class GatewayRouteHostnameMatch
{
    /// <summary>The host name, matched exactly.</summary>
    [JsonPropertyName("exact")]
    [YamlMember(Alias = "exact")]
    public string? Exact { get; set; }

    /// <summary>A suffix of the host name, e.g. <c>.example.com</c>.</summary>
    [JsonPropertyName("suffix")]
    [YamlMember(Alias = "suffix")]
    public string? Suffix { get; set; }
}

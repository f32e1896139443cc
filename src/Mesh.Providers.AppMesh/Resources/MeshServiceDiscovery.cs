using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>Mesh-wide service discovery settings.</summary>
public sealed class MeshServiceDiscovery
{
    /// <summary>The IP family Envoys prefer for discovered addresses: <c>IPv4_ONLY</c> or <c>IPv6_ONLY</c>.</summary>
    [JsonPropertyName("ipPreference")]
    [YamlMember(Alias = "ipPreference")]
    public string? IpPreference { get; set; }
}

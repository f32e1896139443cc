using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>A sidecar's compute resources (Kubernetes quantities).</summary>
public sealed class SidecarResources
{
    /// <summary>The limits.</summary>
    [JsonPropertyName("limits")]
    [YamlMember(Alias = "limits")]
    public Dictionary<string, object>? Limits { get; set; }

    /// <summary>The requests.</summary>
    [JsonPropertyName("requests")]
    [YamlMember(Alias = "requests")]
    public Dictionary<string, object>? Requests { get; set; }
}

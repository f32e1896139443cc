using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The mesh a resource belongs to, as the App Mesh controller records it (filled in by its webhook).</summary>
public sealed class MeshReference
{
    /// <summary>The name of the <see cref="AppMeshMesh"/>.</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>The UID of the <see cref="AppMeshMesh"/>.</summary>
    [JsonPropertyName("uid")]
    [YamlMember(Alias = "uid")]
    public string? Uid { get; set; }
}

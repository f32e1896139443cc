using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The spec of a <see cref="BackendGroup"/>.</summary>
public sealed class BackendGroupSpec
{
    /// <summary>The mesh it belongs to (set by the controller).</summary>
    [JsonPropertyName("meshRef")]
    [YamlMember(Alias = "meshRef")]
    public MeshReference? MeshRef { get; set; }

    /// <summary>The virtual services of the group (the wire name is all lower case: <c>virtualservices</c>).</summary>
    [JsonPropertyName("virtualservices")]
    [YamlMember(Alias = "virtualservices")]
    public List<AppMeshReference>? VirtualServices { get; set; }
}

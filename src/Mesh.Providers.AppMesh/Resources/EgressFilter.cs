using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The egress filter of a mesh.</summary>
public sealed class EgressFilter
{
    /// <summary><c>ALLOW_ALL</c> (any destination) or <c>DROP_ALL</c> (only the mesh's virtual services) (required).</summary>
    [JsonPropertyName("type")]
    [YamlMember(Alias = "type")]
    public string? Type { get; set; }
}

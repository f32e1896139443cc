using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>Transparent-proxy egress of the mesh.</summary>
public sealed class MeshTransparentProxy
{
    /// <summary>Whether traffic may leave the mesh only to registered destinations.</summary>
    [JsonPropertyName("meshDestinationsOnly")]
    [YamlMember(Alias = "meshDestinationsOnly")]
    public bool? MeshDestinationsOnly { get; set; }
}

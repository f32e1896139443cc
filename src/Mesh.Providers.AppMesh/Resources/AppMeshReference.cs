using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>A reference by name to another App Mesh resource of the Kubernetes cluster (a virtual node, router or service, or a backend group); which kind is given by the field that holds it.</summary>
public sealed class AppMeshReference
{
    /// <summary>The name of the referenced resource.</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>Its namespace; absent means the namespace of the referring resource.</summary>
    [JsonPropertyName("namespace")]
    [YamlMember(Alias = "namespace")]
    public string? Namespace { get; set; }
}

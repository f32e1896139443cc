using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The spec of an <see cref="AppMeshMesh"/>.</summary>
public sealed class AppMeshMeshSpec
{
    /// <summary>The mesh's name in AWS App Mesh; absent means the resource's name.</summary>
    [JsonPropertyName("awsName")]
    [YamlMember(Alias = "awsName")]
    public string? AwsName { get; set; }

    /// <summary>The namespaces whose App Mesh resources belong to this mesh; absent selects none, empty selects all.</summary>
    [JsonPropertyName("namespaceSelector")]
    [YamlMember(Alias = "namespaceSelector")]
    public AppMeshLabelSelector? NamespaceSelector { get; set; }

    /// <summary>What traffic may leave the mesh; absent means App Mesh's default, <c>DROP_ALL</c>.</summary>
    [JsonPropertyName("egressFilter")]
    [YamlMember(Alias = "egressFilter")]
    public EgressFilter? EgressFilter { get; set; }

    /// <summary>Mesh-wide service discovery settings.</summary>
    [JsonPropertyName("meshServiceDiscovery")]
    [YamlMember(Alias = "meshServiceDiscovery")]
    public MeshServiceDiscovery? MeshServiceDiscovery { get; set; }

    /// <summary>The AWS account that owns the mesh, for a mesh shared from another account; absent means the controller's account.</summary>
    [JsonPropertyName("meshOwner")]
    [YamlMember(Alias = "meshOwner")]
    public string? MeshOwner { get; set; }
}

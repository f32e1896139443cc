using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The spec of a <see cref="VirtualRouter"/>.</summary>
public sealed class VirtualRouterSpec
{
    /// <summary>The name in AWS App Mesh; absent means <c>name_namespace</c>.</summary>
    [JsonPropertyName("awsName")]
    [YamlMember(Alias = "awsName")]
    public string? AwsName { get; set; }

    /// <summary>The ports the router routes (at least one).</summary>
    [JsonPropertyName("listeners")]
    [YamlMember(Alias = "listeners")]
    public List<VirtualRouterListener>? Listeners { get; set; }

    /// <summary>The routes.</summary>
    [JsonPropertyName("routes")]
    [YamlMember(Alias = "routes")]
    public List<VirtualRouterRoute>? Routes { get; set; }

    /// <summary>The mesh it belongs to (set by the controller).</summary>
    [JsonPropertyName("meshRef")]
    [YamlMember(Alias = "meshRef")]
    public MeshReference? MeshRef { get; set; }
}

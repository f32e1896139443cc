using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The spec of a <see cref="VirtualService"/>.</summary>
public sealed class VirtualServiceSpec
{
    /// <summary>The name in AWS App Mesh: the DNS name clients call, e.g. <c>reviews.default.svc.cluster.local</c>; absent means <c>name.namespace</c>.</summary>
    [JsonPropertyName("awsName")]
    [YamlMember(Alias = "awsName")]
    public string? AwsName { get; set; }

    /// <summary>The mesh it belongs to (set by the controller).</summary>
    [JsonPropertyName("meshRef")]
    [YamlMember(Alias = "meshRef")]
    public MeshReference? MeshRef { get; set; }

    /// <summary>What serves its traffic: a virtual router or a virtual node; absent means no provider yet.</summary>
    [JsonPropertyName("provider")]
    [YamlMember(Alias = "provider")]
    public VirtualServiceProvider? Provider { get; set; }
}

using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The spec of a <see cref="VirtualNode"/>.</summary>
public sealed class VirtualNodeSpec
{
    /// <summary>The name in AWS App Mesh; absent means <c>name_namespace</c>.</summary>
    [JsonPropertyName("awsName")]
    [YamlMember(Alias = "awsName")]
    public string? AwsName { get; set; }

    /// <summary>The pods that are this node (their Envoys are configured as it); absent selects no pod, empty every pod of the namespace. Node selectors must not overlap.</summary>
    [JsonPropertyName("podSelector")]
    [YamlMember(Alias = "podSelector")]
    public AppMeshLabelSelector? PodSelector { get; set; }

    /// <summary>The inbound listeners (App Mesh allows one per port).</summary>
    [JsonPropertyName("listeners")]
    [YamlMember(Alias = "listeners")]
    public List<VirtualNodeListener>? Listeners { get; set; }

    /// <summary>How callers find the node's instances: DNS or AWS Cloud Map.</summary>
    [JsonPropertyName("serviceDiscovery")]
    [YamlMember(Alias = "serviceDiscovery")]
    public ServiceDiscovery? ServiceDiscovery { get; set; }

    /// <summary>The virtual services the node may call.</summary>
    [JsonPropertyName("backends")]
    [YamlMember(Alias = "backends")]
    public List<Backend>? Backends { get; set; }

    /// <summary>Backend groups whose virtual services the node may call.</summary>
    [JsonPropertyName("backendGroups")]
    [YamlMember(Alias = "backendGroups")]
    public List<AppMeshReference>? BackendGroups { get; set; }

    /// <summary>Defaults for every backend (client TLS).</summary>
    [JsonPropertyName("backendDefaults")]
    [YamlMember(Alias = "backendDefaults")]
    public BackendDefaults? BackendDefaults { get; set; }

    /// <summary>The Envoy's access log.</summary>
    [JsonPropertyName("logging")]
    [YamlMember(Alias = "logging")]
    public Logging? Logging { get; set; }

    /// <summary>The mesh it belongs to (set by the controller).</summary>
    [JsonPropertyName("meshRef")]
    [YamlMember(Alias = "meshRef")]
    public MeshReference? MeshRef { get; set; }
}

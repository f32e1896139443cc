using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The spec of a <see cref="VirtualGateway"/>.</summary>
public sealed class VirtualGatewaySpec
{
    /// <summary>The name in AWS App Mesh; absent means <c>name_namespace</c>.</summary>
    [JsonPropertyName("awsName")]
    [YamlMember(Alias = "awsName")]
    public string? AwsName { get; set; }

    /// <summary>The pods running the gateway's Envoy; absent selects no pod.</summary>
    [JsonPropertyName("podSelector")]
    [YamlMember(Alias = "podSelector")]
    public AppMeshLabelSelector? PodSelector { get; set; }

    /// <summary>The namespaces whose gateway routes attach to the gateway; empty selects every namespace.</summary>
    [JsonPropertyName("namespaceSelector")]
    [YamlMember(Alias = "namespaceSelector")]
    public AppMeshLabelSelector? NamespaceSelector { get; set; }

    /// <summary>Labels a gateway route must carry to attach; absent selects every gateway route of the selected namespaces.</summary>
    [JsonPropertyName("gatewayRouteSelector")]
    [YamlMember(Alias = "gatewayRouteSelector")]
    public AppMeshLabelSelector? GatewayRouteSelector { get; set; }

    /// <summary>The gateway's listeners (one per port).</summary>
    [JsonPropertyName("listeners")]
    [YamlMember(Alias = "listeners")]
    public List<VirtualGatewayListener>? Listeners { get; set; }

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

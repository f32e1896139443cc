using Mesh.Kubernetes;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>
/// The type map of the kinds the App Mesh provider reads, keyed <c>group/version/Kind</c> as KubernetesClient's
/// <c>KubernetesYaml.LoadAllFromString(yaml, typeMap)</c> expects: the seven <c>appmesh.k8s.aws/v1beta2</c> kinds of the
/// App Mesh controller (<c>Mesh</c>, <c>VirtualService</c>, <c>VirtualRouter</c>, <c>VirtualNode</c>, <c>VirtualGateway</c>,
/// <c>GatewayRoute</c>, <c>BackendGroup</c>) and core <c>v1</c> <c>Service</c>s (their ports and selector).
/// </summary>
public static class AppMeshResourceTypes
{
    /// <summary>Every <c>apiVersion/Kind</c> read, mapped to its class.</summary>
    public static IReadOnlyDictionary<string, Type> TypeMap { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["appmesh.k8s.aws/v1beta2/Mesh"] = typeof(AppMeshMesh),
        ["appmesh.k8s.aws/v1beta2/VirtualService"] = typeof(VirtualService),
        ["appmesh.k8s.aws/v1beta2/VirtualRouter"] = typeof(VirtualRouter),
        ["appmesh.k8s.aws/v1beta2/VirtualNode"] = typeof(VirtualNode),
        ["appmesh.k8s.aws/v1beta2/VirtualGateway"] = typeof(VirtualGateway),
        ["appmesh.k8s.aws/v1beta2/GatewayRoute"] = typeof(GatewayRoute),
        ["appmesh.k8s.aws/v1beta2/BackendGroup"] = typeof(BackendGroup),
        ["v1/Service"] = typeof(CoreService),
    };

    /// <summary>The API group of App Mesh's CRDs (kinds of this group not in <see cref="TypeMap"/> are reported as out of scope).</summary>
    public static IReadOnlyList<string> Groups { get; } = ["appmesh.k8s.aws"];

    /// <summary>A new, mutable copy of <see cref="TypeMap"/>.</summary>
    /// <returns>The copy.</returns>
    public static Dictionary<string, Type> CreateTypeMap() => new(TypeMap, StringComparer.Ordinal);
}

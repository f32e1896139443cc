using Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>
/// The type map of the route kinds the Linkerd provider reads, keyed <c>group/version/Kind</c> as KubernetesClient's
/// <c>KubernetesYaml.LoadAllFromString(yaml, typeMap)</c> expects: <c>policy.linkerd.io</c> HTTPRoute (<c>v1beta1</c> to
/// <c>v1beta3</c>), <c>gateway.networking.k8s.io</c> HTTPRoute (<c>v1</c>, <c>v1beta1</c>) and GRPCRoute (<c>v1</c>, <c>v1alpha2</c>),
/// and the legacy <c>linkerd.io</c> ServiceProfile (<c>v1alpha2</c>, <c>v1alpha1</c>).
/// </summary>
public static class LinkerdResourceTypes
{
    /// <summary>Every <c>apiVersion/Kind</c> read, mapped to its class.</summary>
    public static IReadOnlyDictionary<string, Type> TypeMap { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["policy.linkerd.io/v1beta1/HTTPRoute"] = typeof(PolicyHttpRoute),
        ["policy.linkerd.io/v1beta2/HTTPRoute"] = typeof(PolicyHttpRoute),
        ["policy.linkerd.io/v1beta3/HTTPRoute"] = typeof(PolicyHttpRoute),
        ["gateway.networking.k8s.io/v1/HTTPRoute"] = typeof(HttpRoute),
        ["gateway.networking.k8s.io/v1beta1/HTTPRoute"] = typeof(HttpRoute),
        ["gateway.networking.k8s.io/v1/GRPCRoute"] = typeof(GrpcRoute),
        ["gateway.networking.k8s.io/v1alpha2/GRPCRoute"] = typeof(GrpcRoute),
        ["linkerd.io/v1alpha2/ServiceProfile"] = typeof(ServiceProfile),
        ["linkerd.io/v1alpha1/ServiceProfile"] = typeof(ServiceProfile),
    };

    /// <summary>The API groups of Linkerd's CRDs (kinds of these groups not in <see cref="TypeMap"/> are reported as out of scope).</summary>
    public static IReadOnlyList<string> Groups { get; } = ["policy.linkerd.io", "linkerd.io", "gateway.networking.k8s.io", "workload.linkerd.io"];

    /// <summary>A new, mutable copy of <see cref="TypeMap"/>.</summary>
    /// <returns>The copy.</returns>
    public static Dictionary<string, Type> CreateTypeMap() => new(TypeMap, StringComparer.Ordinal);
}

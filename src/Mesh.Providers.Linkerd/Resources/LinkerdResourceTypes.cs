using Mesh.Kubernetes;
using Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>
/// The type map of the kinds the Linkerd provider reads, keyed <c>group/version/Kind</c> as KubernetesClient's
/// <c>KubernetesYaml.LoadAllFromString(yaml, typeMap)</c> expects: <c>policy.linkerd.io</c> HTTPRoute (<c>v1beta1</c> to
/// <c>v1beta3</c>), <c>gateway.networking.k8s.io</c> HTTPRoute (<c>v1</c>, <c>v1beta1</c>), GRPCRoute (<c>v1</c>, <c>v1alpha2</c>) and
/// TCPRoute (<c>v1alpha2</c>, the version Linkerd bundles, and <c>v1</c>),
/// TLSRoute (<c>v1alpha2</c>, the version of the Gateway API CRDs Linkerd bundles; read for egress),
/// the legacy <c>linkerd.io</c> ServiceProfile (<c>v1alpha2</c>, <c>v1alpha1</c>), the authorization kinds (<c>Server</c>
/// <c>v1beta1</c> to <c>v1beta3</c>, <c>AuthorizationPolicy</c>, <c>MeshTLSAuthentication</c>, <c>NetworkAuthentication</c>, the legacy
/// <c>ServerAuthorization</c>), <c>HTTPLocalRateLimitPolicy</c>, <c>EgressNetwork</c>, <c>ExternalWorkload</c> (<c>workload.linkerd.io</c> <c>v1beta1</c>, <c>v1alpha1</c>), and core <c>v1</c> <c>Service</c>s (their ports and selector, and their failure-accrual and opaque-ports annotations).
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
        ["gateway.networking.k8s.io/v1alpha2/TCPRoute"] = typeof(TcpRoute),
        ["gateway.networking.k8s.io/v1/TCPRoute"] = typeof(TcpRoute),
        ["gateway.networking.k8s.io/v1/Gateway"] = typeof(Gateway),
        ["gateway.networking.k8s.io/v1beta1/Gateway"] = typeof(Gateway),
        ["gateway.networking.k8s.io/v1beta1/ReferenceGrant"] = typeof(ReferenceGrant),
        ["gateway.networking.k8s.io/v1/ReferenceGrant"] = typeof(ReferenceGrant),
        ["gateway.networking.k8s.io/v1alpha2/TLSRoute"] = typeof(TlsRoute),
        ["linkerd.io/v1alpha2/ServiceProfile"] = typeof(ServiceProfile),
        ["linkerd.io/v1alpha1/ServiceProfile"] = typeof(ServiceProfile),
        ["policy.linkerd.io/v1beta3/Server"] = typeof(Server),
        ["policy.linkerd.io/v1beta2/Server"] = typeof(Server),
        ["policy.linkerd.io/v1beta1/Server"] = typeof(Server),
        ["policy.linkerd.io/v1alpha1/AuthorizationPolicy"] = typeof(AuthorizationPolicy),
        ["policy.linkerd.io/v1alpha1/MeshTLSAuthentication"] = typeof(MeshTlsAuthentication),
        ["policy.linkerd.io/v1alpha1/NetworkAuthentication"] = typeof(NetworkAuthentication),
        ["policy.linkerd.io/v1alpha1/EgressNetwork"] = typeof(EgressNetwork),
        ["policy.linkerd.io/v1alpha1/HTTPLocalRateLimitPolicy"] = typeof(HttpLocalRateLimitPolicy),
        ["policy.linkerd.io/v1beta1/ServerAuthorization"] = typeof(ServerAuthorization),
        ["policy.linkerd.io/v1alpha1/ServerAuthorization"] = typeof(ServerAuthorization),
        ["workload.linkerd.io/v1beta1/ExternalWorkload"] = typeof(ExternalWorkload),
        ["workload.linkerd.io/v1alpha1/ExternalWorkload"] = typeof(ExternalWorkload),
        ["v1/Service"] = typeof(CoreService),
    };

    /// <summary>The API groups of Linkerd's CRDs (kinds of these groups not in <see cref="TypeMap"/> are reported as out of scope).</summary>
    public static IReadOnlyList<string> Groups { get; } = ["policy.linkerd.io", "linkerd.io", "gateway.networking.k8s.io", "workload.linkerd.io"];

    /// <summary>A new, mutable copy of <see cref="TypeMap"/>.</summary>
    /// <returns>The copy.</returns>
    public static Dictionary<string, Type> CreateTypeMap() => new(TypeMap, StringComparer.Ordinal);
}

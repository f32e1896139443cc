using Mesh.Kubernetes;

namespace Mesh.Providers.Consul.Resources;

/// <summary>
/// The type map of the kinds the Consul provider reads, keyed <c>group/version/Kind</c> as KubernetesClient's
/// <c>KubernetesYaml.LoadAllFromString(yaml, typeMap)</c> expects: the <c>consul.hashicorp.com/v1alpha1</c> config entries of
/// consul-k8s, core <c>v1</c> <c>Service</c>s, and the Gateway API kinds of Consul's API gateway (Gateway, HTTPRoute, TCPRoute,
/// ReferenceGrant; TLSRoute and GRPCRoute read to be reported).
/// </summary>
public static class ConsulResourceTypes
{
    /// <summary>Every <c>apiVersion/Kind</c> read, mapped to its class.</summary>
    public static IReadOnlyDictionary<string, Type> TypeMap { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["consul.hashicorp.com/v1alpha1/ServiceDefaults"] = typeof(ServiceDefaults),
        ["consul.hashicorp.com/v1alpha1/ServiceRouter"] = typeof(ServiceRouter),
        ["consul.hashicorp.com/v1alpha1/ServiceSplitter"] = typeof(ServiceSplitter),
        ["consul.hashicorp.com/v1alpha1/ServiceResolver"] = typeof(ServiceResolver),
        ["consul.hashicorp.com/v1alpha1/ServiceIntentions"] = typeof(ServiceIntentions),
        ["consul.hashicorp.com/v1alpha1/ProxyDefaults"] = typeof(ProxyDefaults),
        ["consul.hashicorp.com/v1alpha1/Mesh"] = typeof(ConsulMesh),
        ["consul.hashicorp.com/v1alpha1/ExportedServices"] = typeof(ExportedServices),
        ["consul.hashicorp.com/v1alpha1/TerminatingGateway"] = typeof(TerminatingGateway),
        ["consul.hashicorp.com/v1alpha1/IngressGateway"] = typeof(IngressGateway),
        ["consul.hashicorp.com/v1alpha1/JWTProvider"] = typeof(JwtProvider),
        ["v1/Service"] = typeof(CoreService),
        ["gateway.networking.k8s.io/v1beta1/Gateway"] = typeof(GatewayApi.Resources.Gateway),
        ["gateway.networking.k8s.io/v1/Gateway"] = typeof(GatewayApi.Resources.Gateway),
        ["gateway.networking.k8s.io/v1beta1/HTTPRoute"] = typeof(GatewayApi.Resources.HttpRoute),
        ["gateway.networking.k8s.io/v1/HTTPRoute"] = typeof(GatewayApi.Resources.HttpRoute),
        ["gateway.networking.k8s.io/v1alpha2/TCPRoute"] = typeof(GatewayApi.Resources.TcpRoute),
        ["gateway.networking.k8s.io/v1/TCPRoute"] = typeof(GatewayApi.Resources.TcpRoute),
        ["gateway.networking.k8s.io/v1beta1/ReferenceGrant"] = typeof(GatewayApi.Resources.ReferenceGrant),
        ["gateway.networking.k8s.io/v1/ReferenceGrant"] = typeof(GatewayApi.Resources.ReferenceGrant),
        ["gateway.networking.k8s.io/v1alpha2/TLSRoute"] = typeof(GatewayApi.Resources.TlsRoute),
        ["gateway.networking.k8s.io/v1/TLSRoute"] = typeof(GatewayApi.Resources.TlsRoute),
        ["gateway.networking.k8s.io/v1/GRPCRoute"] = typeof(GatewayApi.Resources.GrpcRoute),
    };

    /// <summary>The API groups of consul-k8s and of the Gateway API resources its API gateway reads (kinds of these groups not in <see cref="TypeMap"/> are reported as out of scope).</summary>
    public static IReadOnlyList<string> Groups { get; } = ["consul.hashicorp.com", "auth.consul.hashicorp.com", "mesh.consul.hashicorp.com", "gateway.networking.k8s.io"];

    /// <summary>A new, mutable copy of <see cref="TypeMap"/>.</summary>
    /// <returns>The copy.</returns>
    public static Dictionary<string, Type> CreateTypeMap() => new(TypeMap, StringComparer.Ordinal);
}

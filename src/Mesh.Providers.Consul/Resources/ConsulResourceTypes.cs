using Mesh.Kubernetes;

namespace Mesh.Providers.Consul.Resources;

/// <summary>
/// The type map of the kinds the Consul provider reads, keyed <c>group/version/Kind</c> as KubernetesClient's
/// <c>KubernetesYaml.LoadAllFromString(yaml, typeMap)</c> expects: the <c>consul.hashicorp.com/v1alpha1</c> config entries of
/// consul-k8s and core <c>v1</c> <c>Service</c>s.
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
    };

    /// <summary>The API groups of consul-k8s (kinds of these groups not in <see cref="TypeMap"/> are reported as out of scope).</summary>
    public static IReadOnlyList<string> Groups { get; } = ["consul.hashicorp.com", "auth.consul.hashicorp.com", "mesh.consul.hashicorp.com"];

    /// <summary>A new, mutable copy of <see cref="TypeMap"/>.</summary>
    /// <returns>The copy.</returns>
    public static Dictionary<string, Type> CreateTypeMap() => new(TypeMap, StringComparer.Ordinal);
}

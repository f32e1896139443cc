using Mesh.Translation;
using Mesh.Kubernetes;

namespace Mesh.Providers.Istio;

/// <summary>Options of the Istio translator. Immutable: derive variants with <c>with</c>.</summary>
public sealed record IstioOptions : IKubernetesProviderOptions
{
    /// <summary>The cluster's DNS domain, used to write and read service FQDNs (<c>reviews.bookinfo.svc.cluster.local</c>).</summary>
    /// <value>Defaults to <c>cluster.local</c>.</value>
    public string ClusterDomain { get; init; } = "cluster.local";

    /// <summary>Istio's root namespace: a <c>PeerAuthentication</c> there without a selector applies to the whole mesh.</summary>
    /// <value>Defaults to <c>istio-system</c>.</value>
    public string RootNamespace { get; init; } = "istio-system";

    /// <summary>The SPIFFE trust domain of workload identities (<c>cluster.local/ns/NS/sa/SA</c>).</summary>
    /// <value>Defaults to <c>cluster.local</c>.</value>
    public string TrustDomain { get; init; } = "cluster.local";

    /// <summary>The namespace of imported resources that have none in their metadata.</summary>
    /// <value>Defaults to <c>default</c>.</value>
    public string DefaultNamespace { get; init; } = "default";

    /// <summary>Which core <c>v1</c> Services translation writes. Default: <see cref="ServiceOutput.None"/> (Istio routes to subsets natively (DestinationRule)).</summary>
    public ServiceOutput ServiceOutput { get; init; } = ServiceOutput.None;

    /// <summary>The workload label that names a service's pods; access policies select <c>label: service-name</c> plus the subset's labels.</summary>
    /// <value>Defaults to <c>app</c>.</value>
    public string WorkloadLabel { get; init; } = "app";
}

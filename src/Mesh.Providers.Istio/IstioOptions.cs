using Mesh.Translation;
using Mesh.Kubernetes;

namespace Mesh.Providers.Istio;

/// <summary>Options of the Istio translator. Immutable: derive variants with <c>with</c>.</summary>
public sealed record IstioOptions : IKubernetesProviderOptions
{
    /// <summary>The cluster's DNS domain, used to write and read service FQDNs (<c>reviews.bookinfo.svc.cluster.local</c>).</summary>
    /// <value>Defaults to <c>cluster.local</c>.</value>
    public string ClusterDomain { get; set; } = "cluster.local";

    /// <summary>Istio's root namespace: a <c>PeerAuthentication</c> there without a selector applies to the whole mesh.</summary>
    /// <value>Defaults to <c>istio-system</c>.</value>
    public string RootNamespace { get; set; } = "istio-system";

    /// <summary>The SPIFFE trust domain of workload identities (<c>cluster.local/ns/NS/sa/SA</c>).</summary>
    /// <value>Defaults to <c>cluster.local</c>.</value>
    public string TrustDomain { get; set; } = "cluster.local";

    /// <summary>The namespace of imported resources that have none in their metadata.</summary>
    /// <value>Defaults to <c>default</c>.</value>
    public string DefaultNamespace { get; set; } = "default";

    /// <summary>
    /// Which core <c>v1</c> Services translation writes. Istio routes to subsets natively (DestinationRules) and reads ports,
    /// target ports and selectors from the cluster's Services; <see cref="ServiceOutput.All"/> writes those Services too (with
    /// the model's selectors, ports, target ports and <c>appProtocol</c>s), so a model's workloads survive a switch of mesh.
    /// Import always reads the Services it is given.
    /// </summary>
    /// <value>Defaults to <see cref="ServiceOutput.None"/>.</value>
    public ServiceOutput ServiceOutput { get; set; } = ServiceOutput.None;
}

namespace Mesh.Translation;

/// <summary>Which core <c>v1</c> Services a Kubernetes provider's translator writes next to the mesh's own resources.</summary>
public enum ServiceOutput
{
    /// <summary>No Services: the cluster's own Services are used as they are (the default where subsets are native, e.g. Istio).</summary>
    None,

    /// <summary>
    /// A leaf Service for each subset a route, mirror or TCP route sends to (the default where backends are Services, e.g.
    /// Gateway API and Linkerd): it selects the service's selector ∪ the subset's labels, so routing to it reaches exactly
    /// the subset's workloads.
    /// </summary>
    Subsets,

    /// <summary>The leaf Services of <see cref="Subsets"/> and a Service for every service of the model.</summary>
    All,
}

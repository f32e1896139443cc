using Mesh.Translation;
using Mesh.Kubernetes;

namespace Mesh.Providers.Linkerd;

/// <summary>Options of the Linkerd translator. Immutable: derive variants with <c>with</c>.</summary>
public sealed record LinkerdOptions : IKubernetesProviderOptions
{
    /// <summary>The namespace of imported resources that have none in their metadata.</summary>
    /// <value>Defaults to <c>default</c>.</value>
    public string DefaultNamespace { get; set; } = "default";

    /// <summary>
    /// Which core <c>v1</c> Services translation writes. With <see cref="ServiceOutput.All"/> every model service's Service
    /// (selector, ports with names, target ports and <c>appProtocol</c>) is written, so what only a Service says survives;
    /// otherwise the cluster's own Services are assumed, and what the written resources do not carry is reported.
    /// </summary>
    /// <value>Defaults to <see cref="ServiceOutput.Subsets"/> (Linkerd routes to Services).</value>
    public ServiceOutput ServiceOutput { get; set; } = ServiceOutput.Subsets;

    /// <summary>The API group HTTP routes are written in (both are read). gRPC routes are always <c>gateway.networking.k8s.io/v1</c> GRPCRoutes, TCP routes <c>gateway.networking.k8s.io/v1alpha2</c> TCPRoutes.</summary>
    /// <value>Defaults to <see cref="LinkerdRouteApi.Policy"/>.</value>
    public LinkerdRouteApi RouteApi { get; set; } = LinkerdRouteApi.Policy;

    /// <summary>The identity trust domain of the mesh: identities are <c>sa.ns.serviceaccount.identity.linkerd.&lt;domain&gt;</c>.</summary>
    /// <value>Defaults to <c>cluster.local</c>.</value>
    public string TrustDomain { get; set; } = "cluster.local";

    /// <summary>
    /// Linkerd's global egress namespace (the control plane's <c>egress.globalEgressNetworkNamespace</c>): an EgressNetwork there
    /// applies to clients of every namespace without one of their own, so the model's mesh-wide outbound policy is written there.
    /// </summary>
    /// <value>Defaults to <c>linkerd-egress</c>.</value>
    public string GlobalEgressNamespace { get; set; } = "linkerd-egress";

    /// <summary>
    /// The <c>gatewayClassName</c> written for a model gateway that names no class: Linkerd has no ingress of its own, so
    /// gateways are written as Gateway API Gateways for the ingress implementation the cluster runs (Envoy Gateway, Contour,
    /// …). Null: such a gateway is not written (reported).
    /// </summary>
    /// <value>Defaults to null.</value>
    public string? GatewayClassName { get; set; }
}

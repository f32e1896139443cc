using Mesh.Diagnostics;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Linkerd.Translation;
using Mesh.Translation;

namespace Mesh.Providers.Linkerd;

/// <summary>
/// Translates the unified model to Linkerd — routes as <c>policy.linkerd.io/v1beta3</c> HTTPRoutes (or
/// <c>gateway.networking.k8s.io/v1</c>, see <see cref="LinkerdOptions.RouteApi"/>) and GRPCRoutes with retries and shared
/// timeouts as Linkerd's annotations; TCP routes as <c>gateway.networking.k8s.io/v1alpha2</c> TCPRoutes; access policies as
/// Servers, AuthorizationPolicies, MeshTLSAuthentications, NetworkAuthentications and per-route policy HTTPRoutes; external
/// services as EgressNetworks with an HTTPRoute, GRPCRoute or TLSRoute per port naming their hosts (each namespace's
/// allow-list), and a TCPRoute per TCP port of those with addresses — and reads all of these back, plus the legacy
/// ServiceProfile and ServerAuthorization, and core Services: their selectors and ports (which also tell which service a
/// Server's pods belong to and which service port its container port is) and failure-accrual annotations. The shell writes
/// core Services per <see cref="LinkerdOptions.ServiceOutput"/>.
/// Stateless and thread-safe.
/// </summary>
public sealed class LinkerdTranslator : KubernetesTranslator<LinkerdOptions>
{
    /// <summary>Creates a translator with default <see cref="LinkerdOptions"/>.</summary>
    public LinkerdTranslator()
        : this(new LinkerdOptions())
    {
    }

    /// <summary>Creates a translator with <paramref name="options"/>.</summary>
    /// <param name="options">The options.</param>
    public LinkerdTranslator(LinkerdOptions options)
        : base(options)
    {
    }

    /// <inheritdoc />
    public override ProviderName Provider => ProviderName.Linkerd;

    /// <inheritdoc />
    public override ProviderCapabilities Capabilities => LinkerdCapabilities.For(Options.ServiceOutput);

    /// <inheritdoc />
    protected override ResourceCatalog Catalog => LinkerdImport.Catalog;

    /// <inheritdoc />
    protected override (IReadOnlyList<object> Resources, IReadOnlyList<Diagnostic> Diagnostics) Export(MeshConfig config, LeafServicePlan leaves) =>
        LinkerdExport.ToLinkerd(config, Options, leaves);

    /// <summary>Linkerd proxies a port opaquely only when its <c>appProtocol</c> is <c>linkerd.io/opaque</c>; other protocols take the kit's values.</summary>
    protected override string? AppProtocolOf(Protocol protocol) => Mapping.AppProtocols.Written(protocol);

    /// <inheritdoc />
    protected override ImportResult ImportResources(IReadOnlyList<(object Resource, string Source)> resources, ImportContext context, ImportOptions? options) =>
        LinkerdImport.ToModel(resources, context, Options, options);
}

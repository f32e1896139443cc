using Mesh.Diagnostics;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Translation;
using Mesh.Translation;

namespace Mesh.Providers.AppMesh;

/// <summary>
/// Translates the unified model to AWS App Mesh (<c>appmesh.k8s.aws/v1beta2</c>) and back: a <c>Mesh</c>; a <c>VirtualNode</c>
/// per service, or per subset of a service with subsets (pods selected by the service's selector and the subset's labels,
/// found by DNS — the subset's leaf Service — or AWS Cloud Map), with listeners per port carrying connection pools, outlier
/// detection and TLS; a <c>VirtualRouter</c> per routed service holding the model's rules as prioritised routes (HTTP, HTTP/2,
/// gRPC and TCP) with weighted targets, retries and timeouts; a <c>VirtualService</c> per service and per external service.
/// Import resolves VirtualService → VirtualRouter → VirtualNode → pod selector to rebuild services, subsets and routes, and
/// reports every field it does not carry (VirtualGateways and GatewayRoutes included). The shell writes core Services per
/// <see cref="AppMeshOptions.ServiceOutput"/>, a leaf Service for every subset.
/// Stateless and thread-safe.
/// </summary>
public sealed class AppMeshTranslator : KubernetesTranslator<AppMeshOptions>
{
    /// <summary>Creates a translator with default <see cref="AppMeshOptions"/>.</summary>
    public AppMeshTranslator()
        : this(new AppMeshOptions())
    {
    }

    /// <summary>Creates a translator with <paramref name="options"/>.</summary>
    /// <param name="options">The options.</param>
    public AppMeshTranslator(AppMeshOptions options)
        : base(options)
    {
    }

    /// <inheritdoc />
    public override ProviderName Provider => ProviderName.AppMesh;

    /// <inheritdoc />
    public override ProviderCapabilities Capabilities => AppMeshCapabilities.Instance;

    /// <inheritdoc />
    protected override ResourceCatalog Catalog => AppMeshImport.Catalog;

    /// <summary>Every subset gets a leaf Service: its virtual node's DNS hostname names it.</summary>
    protected override LeafServicePlan PlanLeaves(MeshConfig config) => LeafServicePlan.Create(config, everySubset: true);

    /// <summary>None: App Mesh's listeners carry each port's protocol (and import reads it there), so Services need no <c>appProtocol</c>.</summary>
    protected override string? AppProtocolOf(Protocol protocol) => null;

    /// <inheritdoc />
    protected override (IReadOnlyList<object> Resources, IReadOnlyList<Diagnostic> Diagnostics) Export(MeshConfig config, LeafServicePlan leaves) =>
        AppMeshExport.ToAppMesh(config, Options, leaves);

    /// <inheritdoc />
    protected override ImportResult ImportResources(IReadOnlyList<(object Resource, string Source)> resources, ImportContext context, ImportOptions? options) =>
        AppMeshImport.ToModel(resources, context, Options, options);
}

using Mesh.Diagnostics;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;
using Mesh.Translation;

namespace Mesh.Providers.Istio;

/// <summary>
/// Translates the unified model to Istio resources (<c>VirtualService</c>, <c>DestinationRule</c>, <c>ServiceEntry</c>,
/// <c>PeerAuthentication</c>, <c>AuthorizationPolicy</c>) and reads them back. Stateless and thread-safe.
/// </summary>
public sealed class IstioTranslator : KubernetesTranslator<IstioOptions>
{
    /// <summary>Creates a translator with default <see cref="IstioOptions"/>.</summary>
    public IstioTranslator()
        : this(new IstioOptions())
    {
    }

    /// <summary>Creates a translator with <paramref name="options"/>.</summary>
    /// <param name="options">The options.</param>
    public IstioTranslator(IstioOptions options)
        : base(options)
    {
    }

    /// <inheritdoc />
    public override ProviderName Provider => ProviderName.Istio;

    /// <inheritdoc />
    public override ProviderCapabilities Capabilities => IstioCapabilities.Instance;

    /// <inheritdoc />
    protected override ResourceCatalog Catalog => IstioResourceTypes.Catalog;

    /// <inheritdoc />
    protected override (IReadOnlyList<object> Resources, IReadOnlyList<Diagnostic> Diagnostics) Export(MeshConfig config, LeafServicePlan leaves) =>
        IstioExporter.Export(config, Options);

    /// <inheritdoc />
    protected override ImportContext CreateImportContext() => new IstioImportContext(Options);

    /// <inheritdoc />
    protected override ImportResult ImportResources(IReadOnlyList<(object Resource, string Source)> resources, ImportContext context, ImportOptions? options) =>
        IstioImporter.Import(resources, (IstioImportContext)context, options);
}

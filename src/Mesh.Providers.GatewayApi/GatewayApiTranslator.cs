using Mesh.Diagnostics;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Resources;
using Mesh.Providers.GatewayApi.Translation;
using Mesh.Translation;

namespace Mesh.Providers.GatewayApi;

/// <summary>
/// Translates the unified model to Kubernetes Gateway API mesh routes (GAMMA: <c>HTTPRoute</c>, <c>GRPCRoute</c> and
/// <c>TCPRoute</c> whose parent is a Service) and reads them back. Stateless and thread-safe.
/// </summary>
public sealed class GatewayApiTranslator : KubernetesTranslator<GatewayApiOptions>
{
    /// <summary>Creates a translator with default <see cref="GatewayApiOptions"/>.</summary>
    public GatewayApiTranslator()
        : this(new GatewayApiOptions())
    {
    }

    /// <summary>Creates a translator with <paramref name="options"/>.</summary>
    /// <param name="options">The options.</param>
    public GatewayApiTranslator(GatewayApiOptions options)
        : base(options)
    {
    }

    /// <inheritdoc />
    public override ProviderName Provider => ProviderName.GatewayApi;

    /// <inheritdoc />
    public override ProviderCapabilities Capabilities => GatewayApiCapabilities.For(Options.ServiceOutput);

    /// <inheritdoc />
    protected override ResourceCatalog Catalog => GatewayApiResourceTypes.Catalog;

    /// <inheritdoc />
    protected override (IReadOnlyList<object> Resources, IReadOnlyList<Diagnostic> Diagnostics) Export(MeshConfig config, LeafServicePlan leaves) =>
        GatewayApiExport.ToGatewayApi(config, Options, Options.ServiceOutput == ServiceOutput.None ? null : leaves);

    /// <inheritdoc />
    protected override ImportResult ImportResources(IReadOnlyList<(object Resource, string Source)> resources, ImportContext context, ImportOptions? options) =>
        GatewayApiImport.ToModel(resources, context, options);
}

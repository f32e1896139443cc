using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Import;
using Mesh.Providers.Linkerd.Export;
using Mesh.Providers.Linkerd.Import;
using Mesh.Translation;

namespace Mesh.Providers.Linkerd;

/// <summary>
/// Translates the unified model to Linkerd — routes as <c>policy.linkerd.io/v1beta3</c> HTTPRoutes (or
/// <c>gateway.networking.k8s.io/v1</c>, see <see cref="LinkerdOptions.RouteApi"/>) and GRPCRoutes with retries and shared
/// timeouts as Linkerd's annotations; TCP routes as <c>gateway.networking.k8s.io/v1alpha2</c> TCPRoutes; access policies as
/// Servers, AuthorizationPolicies, MeshTLSAuthentications, NetworkAuthentications and per-route policy HTTPRoutes; external
/// services as EgressNetworks with an HTTPRoute, GRPCRoute or TLSRoute per port naming their hosts (each namespace's
/// allow-list), and a TCPRoute per TCP port of those with addresses — and reads all of these back, plus the legacy
/// ServiceProfile and ServerAuthorization, and core Services: their ports (which also resolve Servers' container port
/// names) and failure-accrual annotations.
/// Stateless and thread-safe.
/// </summary>
public sealed class LinkerdTranslator : ITranslator
{
    internal const string ProviderId = "linkerd";

    private readonly LinkerdOptions _options;

    /// <summary>Creates a translator with default <see cref="LinkerdOptions"/>.</summary>
    public LinkerdTranslator()
        : this(new LinkerdOptions())
    {
    }

    /// <summary>Creates a translator with <paramref name="options"/> (copied; later changes have no effect).</summary>
    /// <param name="options">The options.</param>
    public LinkerdTranslator(LinkerdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = new LinkerdOptions { DefaultNamespace = options.DefaultNamespace, RouteApi = options.RouteApi, WorkloadLabel = options.WorkloadLabel, TrustDomain = options.TrustDomain };
    }

    /// <inheritdoc />
    public ProviderName Provider => ProviderName.Linkerd;

    /// <inheritdoc />
    public ProviderCapabilities Capabilities => LinkerdCapabilities.Instance;

    /// <inheritdoc />
    public TranslationResult Translate(MeshConfig config, TranslationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var (resources, diagnostics) = LinkerdExporter.Export(config, _options);
        return TranslationResult.Create(resources, diagnostics, options);
    }

    /// <inheritdoc />
    public ImportResult Import(IEnumerable<object> resources, ImportOptions? options = null) =>
        LinkerdImporter.Import(ImportSources.FromObjects(resources, _options.DefaultNamespace), new SourceDiagnostics(ProviderId, []), _options, options);

    /// <inheritdoc />
    public ImportResult ImportYaml(IReadOnlyList<SourceText> sources, ImportOptions? options = null)
    {
        var ctx = new SourceDiagnostics(ProviderId, []);
        return LinkerdImporter.Import(ImportSources.FromYaml(sources, ctx, (document, source) => ResourceReader.Read(document, source, ctx, LinkerdImporter.Catalog)), ctx, _options, options);
    }

    /// <inheritdoc />
    public ImportResult ImportYaml(string yaml, string sourceName, ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        return ImportYaml([new SourceText(sourceName, yaml)], options);
    }

    /// <inheritdoc />
    public string WriteYaml(IEnumerable<object> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return KubeYamlWriter.Write(resources, typeof(GatewayApi.Resources.HttpRoute).Namespace!, typeof(Resources.PolicyHttpRoute).Namespace!);
    }
}

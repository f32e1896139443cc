using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Export;
using Mesh.Providers.GatewayApi.Import;
using Mesh.Translation;

namespace Mesh.Providers.GatewayApi;

/// <summary>
/// Translates the unified model to Kubernetes Gateway API mesh routes (GAMMA: <c>HTTPRoute</c>, <c>GRPCRoute</c> and
/// <c>TCPRoute</c> whose parent is a Service) and reads them back. Stateless and thread-safe.
/// </summary>
public sealed class GatewayApiTranslator : ITranslator
{
    internal const string ProviderId = "gateway-api";

    private readonly GatewayApiOptions _options;

    /// <summary>Creates a translator with default <see cref="GatewayApiOptions"/>.</summary>
    public GatewayApiTranslator()
        : this(new GatewayApiOptions())
    {
    }

    /// <summary>Creates a translator with <paramref name="options"/> (copied; later changes have no effect).</summary>
    /// <param name="options">The options.</param>
    public GatewayApiTranslator(GatewayApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = new GatewayApiOptions { DefaultNamespace = options.DefaultNamespace, EmitGrpcRoutes = options.EmitGrpcRoutes };
    }

    /// <inheritdoc />
    public ProviderName Provider => ProviderName.GatewayApi;

    /// <inheritdoc />
    public ProviderCapabilities Capabilities => GatewayApiCapabilities.Instance;

    /// <inheritdoc />
    public TranslationResult Translate(MeshConfig config, TranslationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var (resources, diagnostics) = GatewayApiExporter.Export(config, _options);
        return TranslationResult.Create(resources, diagnostics, options);
    }

    /// <inheritdoc />
    public ImportResult Import(IEnumerable<object> resources, ImportOptions? options = null) =>
        GatewayApiImporter.Import(ImportSources.FromObjects(resources, _options.DefaultNamespace), new SourceDiagnostics(ProviderId, []), _options, options);

    /// <inheritdoc />
    public ImportResult ImportYaml(IReadOnlyList<SourceText> sources, ImportOptions? options = null)
    {
        var ctx = new SourceDiagnostics(ProviderId, []);
        return GatewayApiImporter.Import(ImportSources.FromYaml(sources, ctx, (document, source) => ResourceReader.Read(document, source, ctx)), ctx, _options, options);
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
        return KubeYamlWriter.Write(resources, typeof(Resources.HttpRoute).Namespace!);
    }
}

using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Istio.Export;
using Mesh.Providers.Istio.Import;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Yaml;
using Mesh.Translation;

namespace Mesh.Providers.Istio;

/// <summary>
/// Translates the unified model to Istio resources (<c>VirtualService</c>, <c>DestinationRule</c>, <c>ServiceEntry</c>,
/// <c>PeerAuthentication</c>, <c>AuthorizationPolicy</c>) and reads them back. Stateless and thread-safe.
/// </summary>
public sealed class IstioTranslator : ITranslator
{
    internal const string ProviderId = "istio";

    private readonly IstioOptions _options;

    /// <summary>Creates a translator with default <see cref="IstioOptions"/>.</summary>
    public IstioTranslator()
        : this(new IstioOptions())
    {
    }

    /// <summary>Creates a translator with <paramref name="options"/> (copied; later changes have no effect).</summary>
    /// <param name="options">The options.</param>
    public IstioTranslator(IstioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = new IstioOptions
        {
            ClusterDomain = options.ClusterDomain,
            RootNamespace = options.RootNamespace,
            TrustDomain = options.TrustDomain,
            DefaultNamespace = options.DefaultNamespace,
            ServiceLabel = options.ServiceLabel,
        };
    }

    /// <inheritdoc />
    public ProviderName Provider => ProviderName.Istio;

    /// <inheritdoc />
    public ProviderCapabilities Capabilities => IstioCapabilities.Instance;

    /// <inheritdoc />
    public TranslationResult Translate(MeshConfig config, TranslationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var (resources, diagnostics) = IstioExporter.Export(config, _options);
        return TranslationResult.Create(resources, diagnostics, options);
    }

    /// <inheritdoc />
    public ImportResult Import(IEnumerable<object> resources, ImportOptions? options = null) =>
        IstioImporter.Import(ImportSources.FromObjects(resources, _options.DefaultNamespace), new ImportContext(_options, []), options);

    /// <inheritdoc />
    public ImportResult ImportYaml(IReadOnlyList<SourceText> sources, ImportOptions? options = null)
    {
        var ctx = new ImportContext(_options, []);
        return IstioImporter.Import(ImportSources.FromYaml(sources, ctx, (document, source) => ResourceReader.Read(document, source, ctx)), ctx, options);
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
        return IstioYamlWriter.Write(resources);
    }
}

using k8s;
using Mesh.Diagnostics;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Export;
using Mesh.Providers.GatewayApi.Import;
using Mesh.Translation;

namespace Mesh.Providers.GatewayApi;

/// <summary>
/// Translates the unified model to Kubernetes Gateway API mesh routes (GAMMA: <c>HTTPRoute</c> and <c>GRPCRoute</c>
/// whose parent is a Service) and reads them back. Stateless and thread-safe.
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
    public ImportResult Import(IEnumerable<object> resources, ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var list = new List<(object, string)>();
        foreach (var resource in resources)
        {
            if (resource is null) continue;
            var source = resource is IKubernetesObject<k8s.Models.V1ObjectMeta> k
                ? $"{k.Kind ?? resource.GetType().Name}/{k.Metadata?.NamespaceProperty ?? _options.DefaultNamespace}/{k.Metadata?.Name}"
                : resource.GetType().Name;
            list.Add((resource, source));
        }
        return GatewayApiImporter.Import(list, new SourceDiagnostics(ProviderId, []), _options, options);
    }

    /// <inheritdoc />
    public ImportResult ImportYaml(IReadOnlyList<SourceText> sources, ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var diagnostics = new List<Diagnostic>();
        var ctx = new SourceDiagnostics(ProviderId, diagnostics);
        var list = new List<(object, string)>();
        foreach (var input in sources)
        {
            ArgumentNullException.ThrowIfNull(input);
            foreach (var document in YamlTreeReader.Read(input.Text, input.Name, ProviderId, diagnostics))
            {
                var source = $"{input.Name}#{document.Index}";
                if (ResourceReader.Read(document, source, ctx) is { } resource) list.Add((resource, source));
            }
        }
        return GatewayApiImporter.Import(list, ctx, _options, options);
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

using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Translation;
using Mesh.Validation;

namespace Mesh.Kubernetes;

/// <summary>
/// The shell of a translator for a Kubernetes-based mesh: it implements <see cref="ITranslator"/>'s plumbing — reading YAML
/// with the hardened reader, typing documents with the provider's <see cref="Catalog"/> and reporting unknown fields,
/// naming sources, applying <see cref="TranslationOptions.Strict"/>, writing <c>kubectl</c>-ready YAML — so that a provider
/// supplies only its resources, its mapping (<see cref="Export"/>, <see cref="ImportResources"/>), its capabilities and its
/// options. Implementations must stay stateless and thread-safe.
/// </summary>
/// <typeparam name="TOptions">The provider's options (an immutable record).</typeparam>
public abstract class KubernetesTranslator<TOptions> : ITranslator
    where TOptions : class, IKubernetesProviderOptions
{
    /// <summary>Creates the translator with its options.</summary>
    /// <param name="options">The options; they must not change afterwards (use an immutable record).</param>
    protected KubernetesTranslator(TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    /// <summary>The translator's options.</summary>
    public TOptions Options { get; }

    /// <inheritdoc />
    public abstract ProviderName Provider { get; }

    /// <inheritdoc />
    public abstract ProviderCapabilities Capabilities { get; }

    /// <summary>The kinds the provider reads, with their written versions.</summary>
    protected abstract ResourceCatalog Catalog { get; }

    /// <summary>
    /// Model (valid) → the provider's typed resources, in a deterministic order, with the diagnostics of what was not expressed
    /// exactly. Backends to a subset with a leaf Service in <paramref name="leaves"/> name that Service
    /// (<see cref="LeafServicePlan.Target"/>); the shell writes the Services themselves (<see cref="ServiceOutput"/>).
    /// </summary>
    /// <param name="config">The model.</param>
    /// <param name="leaves">The leaf Services written with the resources (empty with <see cref="ServiceOutput.None"/>).</param>
    /// <returns>The resources and the diagnostics.</returns>
    protected abstract (IReadOnlyList<object> Resources, IReadOnlyList<Diagnostic> Diagnostics) Export(MeshConfig config, LeafServicePlan leaves);

    /// <summary>The provider's typed resources, each named by its source, → a model; every field not carried is reported to <paramref name="context"/>.</summary>
    /// <param name="resources">The resources with their source names.</param>
    /// <param name="context">The import's context (diagnostics, default namespace).</param>
    /// <param name="options">The import options, or null.</param>
    /// <returns>The import result.</returns>
    protected abstract ImportResult ImportResources(IReadOnlyList<(object Resource, string Source)> resources, ImportContext context, ImportOptions? options);

    /// <summary>
    /// Whether the mesh routes to label subsets itself (Istio's DestinationRule subsets): then no leaf Service is planned and
    /// <see cref="ServiceOutput.All"/> writes only the services' own Services.
    /// </summary>
    protected virtual bool SubsetsAreNative => false;

    /// <summary>Plans the leaf Services of a translation that writes Services; a provider whose mesh needs one for every subset overrides it.</summary>
    /// <param name="config">The (valid) model.</param>
    /// <returns>The plan (by default <see cref="LeafServicePlan.Create(MeshConfig)"/>).</returns>
    protected virtual LeafServicePlan PlanLeaves(MeshConfig config) => LeafServicePlan.Create(config);

    /// <summary>
    /// The <c>appProtocol</c> written Services give a port of <paramref name="protocol"/>; a provider overrides it for its
    /// mesh's own values, or returns null when its mesh carries the protocol elsewhere and the Service needs none.
    /// </summary>
    /// <param name="protocol">The port's protocol.</param>
    /// <returns>The value (by default <see cref="AppProtocols.Of"/>), or null to write none.</returns>
    protected virtual string? AppProtocolOf(Protocol protocol) => AppProtocols.Of(protocol);

    /// <summary>Creates the context of one import; a provider overrides it to carry its options into its importers.</summary>
    /// <returns>A new context.</returns>
    protected virtual ImportContext CreateImportContext() => new(Provider, Options.DefaultNamespace);

    /// <inheritdoc />
    /// <remarks>An invalid model is not translated: its validation errors are the result's diagnostics.</remarks>
    public TranslationResult Translate(MeshConfig config, TranslationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var invalid = options?.Validate ?? true ? MeshValidator.Validate(config) : [];
        if (invalid.Any(d => d.IsError)) return TranslationResult.Create([], [.. invalid.Select(d => d with { Provider = Provider })], options);
        var output = options?.Services ?? Options.ServiceOutput;
        var leaves = output == ServiceOutput.None || SubsetsAreNative ? LeafServicePlan.Empty : PlanLeaves(config);
        var (resources, diagnostics) = Export(config, leaves);
        var services = CoreServiceWriter.Write(config, leaves, output, AppProtocolOf);
        if (services.Any(s => s.Spec?.Ports is not { Count: > 0 }))
        {
            // A Service needs a port (the API server rejects one without): report instead of writing an invalid object.
            var reported = diagnostics.ToList();
            foreach (var service in services.Where(s => s.Spec?.Ports is not { Count: > 0 }))
            {
                var parent = (service.Metadata.Annotations is { } a && a.TryGetValue(LeafServiceLabels.SubsetOf, out var of) ? of : null)?.Split('/')[0] ?? service.Metadata.Name;
                var index = config.Services.ToList().FindIndex(m => m.Name == parent && m.Namespace == service.Metadata.NamespaceProperty);
                reported.Add(Diagnostic.Warning(DiagnosticCodes.Unsupported, index < 0 ? "$.spec.services" : $"$.spec.services[{index}].ports", $"Service '{service.Metadata.Name}.{service.Metadata.NamespaceProperty}' is not written: the model declares no port for '{parent}', and a Kubernetes Service needs one (import the service's own Service with the routes to carry its ports).") with { Provider = Provider });
            }
            diagnostics = reported;
            services = [.. services.Where(s => s.Spec?.Ports is { Count: > 0 })];
        }
        IReadOnlyList<object> written = services.Count == 0 ? resources : [.. services, .. resources];
        Ownership.Label(written);
        return TranslationResult.Create(written, diagnostics, options);
    }

    /// <inheritdoc />
    public ImportResult Import(IEnumerable<object> resources, ImportOptions? options = null)
    {
        var context = CreateImportContext();
        // Each object is read as its manifest would be (a copy, with the YAML reader's guarantees: no null list item, spec or metadata).
        var read = new List<(object Resource, string Source)>();
        foreach (var (resource, source) in ImportSources.FromObjects(resources, Options.DefaultNamespace))
        {
            if (ResourceReader.ReadObject(resource, source, context, Catalog) is { } copy) read.Add((copy, source));
        }
        var sources = Ownership.Select(read, options, Provider, context.Diagnostics);
        return Complete(ImportResources(sources, context, options), sources, options);
    }

    /// <inheritdoc />
    public ImportResult ImportYaml(IReadOnlyList<SourceText> sources, ImportOptions? options = null)
    {
        var context = CreateImportContext();
        var typed = Ownership.Select(ImportSources.FromYaml(sources, context, Catalog), options, Provider, context.Diagnostics);
        return context.Relocate(Complete(ImportResources(typed, context, options), typed, options));
    }

    /// <summary>
    /// Turns the provider's import into a valid model: services and subsets the input names but lacks are declared
    /// (<see cref="ImportCompletion"/>), leaf Services fold back into subsets (<see cref="ServiceFolding"/>), and a model that still
    /// fails validation is reported as errors instead of returned.
    /// </summary>
    private ImportResult Complete(ImportResult result, IReadOnlyList<(object Resource, string Source)> resources, ImportOptions? options)
    {
        if (result.Config is not { } config) return result;
        var diagnostics = result.Diagnostics.ToList();
        var services = resources.Where(r => r.Resource is CoreService).Select(r => ((CoreService)r.Resource, r.Source)).ToList();
        // Completion first: with leaf Services only, the parent exists only as the host a route names.
        config = ImportCompletion.Complete(config, Provider, diagnostics);
        config = ServiceFolding.Fold(config, services, Provider, diagnostics).Normalize();
        foreach (var problem in MeshValidator.Validate(config).Where(d => d.IsError))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ImportedModelInvalid, problem.Path, $"The imported model is invalid: {problem.Message} ({problem.Code})") with { Provider = Provider });
        }
        return ImportResult.Create(config, diagnostics, options);
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
        return KubeYamlWriter.Write(resources, Catalog.JsonOptions);
    }
}

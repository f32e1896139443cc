using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Translation;

namespace Mesh.Cli.Tests;

/// <summary>A translator whose output is the model's service names, and which reports faults as unsupported.</summary>
internal sealed class FakeTranslator : ITranslator
{
    public ProviderName Provider { get; } = new("fake");

    public ProviderCapabilities Capabilities { get; } = new(new ProviderName("fake"), new Dictionary<MeshFeature, Capability>
    {
        [MeshFeature.PathPrefix] = Capability.Native,
        [MeshFeature.FaultDelay] = Capability.Unsupported("fake meshes never fail"),
    });

    public TranslationResult Translate(MeshConfig config, TranslationOptions? options = null)
    {
        var diagnostics = new List<Diagnostic>();
        for (var r = 0; r < config.Routes.Count; r++)
        {
            for (var i = 0; i < config.Routes[r].Rules.Count; i++)
            {
                if (config.Routes[r].Rules[i].Fault is not null)
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.Unsupported, $"$.spec.routes[{r}].rules[{i}].fault", "fake meshes never fail") with { Provider = new ProviderName("fake") });
                }
            }
        }
        return TranslationResult.Create([.. config.Services.Select(s => (object)s.Name)], diagnostics, options);
    }

    public ImportResult Import(IEnumerable<object> resources, ImportOptions? options = null) =>
        ImportResult.Create(new MeshConfig { Name = "imported", Services = [.. resources.Select(r => new MeshService { Name = (string)r, Namespace = "ns" })] }, [], options);

    public ImportResult ImportYaml(IReadOnlyList<SourceText> sources, ImportOptions? options = null)
    {
        var names = sources.SelectMany(s => s.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var dropped = Diagnostic.Warning(DiagnosticCodes.FieldNotImported, $"{sources[0].Name}#0 $.spec.gateways", "gateways are out of scope") with { Provider = new ProviderName("fake") };
        return ImportResult.Create(new MeshConfig { Name = options?.ModelName ?? "imported", Services = [.. names.Select(n => new MeshService { Name = n, Namespace = "ns" })] }, [dropped], options);
    }

    public string WriteYaml(IEnumerable<object> resources) => string.Concat(resources.Select(r => $"- {r}\n"));
}

/// <summary>A translator with a bug: every call throws.</summary>
internal sealed class ThrowingTranslator : ITranslator
{
    public ProviderName Provider { get; } = new("broken");

    public ProviderCapabilities Capabilities { get; } = new(new ProviderName("broken"), new Dictionary<MeshFeature, Capability>());

    public TranslationResult Translate(MeshConfig config, TranslationOptions? options = null) => throw new InvalidOperationException("the provider has a bug\nsecond line");

    public ImportResult Import(IEnumerable<object> resources, ImportOptions? options = null) => throw new InvalidOperationException("the provider has a bug");

    public ImportResult ImportYaml(IReadOnlyList<SourceText> sources, ImportOptions? options = null) => throw new InvalidOperationException("the provider has a bug");

    public string WriteYaml(IEnumerable<object> resources) => throw new InvalidOperationException("the provider has a bug");
}

using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Translation;

namespace Mesh.Providers.Linkerd.Tests.Conformance;

/// <summary>
/// A translator that returns only the custom resources of <paramref name="inner"/>'s translation: the core <c>v1</c> Services
/// the shell writes (<see cref="LinkerdOptions.ServiceOutput"/>) are not CRDs, so the schema suites, which validate against
/// the CRD files, leave them out. Everything else is <paramref name="inner"/>'s.
/// </summary>
internal sealed class CustomResourcesOnly(ITranslator inner) : ITranslator
{
    public ProviderName Provider => inner.Provider;

    public ProviderCapabilities Capabilities => inner.Capabilities;

    public TranslationResult Translate(MeshConfig config, TranslationOptions? options = null)
    {
        var result = inner.Translate(config, options);
        return result with { Resources = [.. result.Resources.Where(r => r is not CoreService)] };
    }

    public ImportResult Import(IEnumerable<object> resources, ImportOptions? options = null) => inner.Import(resources, options);

    public ImportResult ImportYaml(IReadOnlyList<SourceText> sources, ImportOptions? options = null) => inner.ImportYaml(sources, options);

    public string WriteYaml(IEnumerable<object> resources) => inner.WriteYaml(resources);
}

using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Translation;

namespace Mesh.Providers.GatewayApi.Tests.Conformance;

/// <summary>
/// A translator that writes only its custom resources: the core <c>v1</c> Services the translator shell writes beside
/// them (leaf Services of subsets, see <see cref="GatewayApiOptions.ServiceOutput"/>) are not CRDs, so the schema suite,
/// which validates against the provider's CRD files, leaves them to the Kubernetes OpenAPI check of core Services. Every
/// other member is the wrapped translator's.
/// </summary>
internal sealed class CrdResourcesOnly(ITranslator inner) : ITranslator
{
    public ProviderName Provider => inner.Provider;

    public ProviderCapabilities Capabilities => inner.Capabilities;

    public TranslationResult Translate(MeshConfig config, TranslationOptions? options = null) => inner.Translate(config, options);

    public ImportResult Import(IEnumerable<object> resources, ImportOptions? options = null) => inner.Import(resources, options);

    public ImportResult ImportYaml(IReadOnlyList<SourceText> sources, ImportOptions? options = null) => inner.ImportYaml(sources, options);

    public string WriteYaml(IEnumerable<object> resources) => inner.WriteYaml(resources.Where(r => r is not CoreService));
}

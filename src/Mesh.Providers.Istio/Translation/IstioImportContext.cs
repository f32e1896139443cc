using Mesh.Translation;
using Mesh.Kubernetes;

namespace Mesh.Providers.Istio.Translation;

/// <summary>The state of one Istio import: the kit's <see cref="ImportContext"/> with the translator's options.</summary>
internal sealed class IstioImportContext(IstioOptions options) : ImportContext(ProviderName.Istio, options.DefaultNamespace)
{
    public IstioOptions Options { get; } = options;
}

using Mesh.Translation;
using Mesh.Kubernetes;

namespace Mesh.Providers.Istio.Translation;

/// <summary>The state of one Istio import: the kit's <see cref="ImportContext"/> with the translator's options.</summary>
internal sealed class IstioImportContext(IstioOptions options) : ImportContext(ProviderName.Istio, options.DefaultNamespace)
{
    public IstioOptions Options { get; } = options;

    /// <summary>The model being assembled.</summary>
    public ModelBuilder Model { get; } = new();

    /// <summary>The hosts of the input's ServiceEntries (read in the first pass), each with the external service it becomes.</summary>
    public Dictionary<string, Model.ServiceRef> ExternalHosts { get; } = new(StringComparer.OrdinalIgnoreCase);
}

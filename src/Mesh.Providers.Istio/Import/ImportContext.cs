using Mesh.Diagnostics;
using Mesh.Kubernetes;

namespace Mesh.Providers.Istio.Import;

/// <summary>The state of one import: the options, and the diagnostics (paths <c>source $.json.path</c>, located in the source YAML).</summary>
internal sealed class ImportContext(IstioOptions options, List<Diagnostic> diagnostics) : SourceDiagnostics(IstioTranslator.ProviderId, diagnostics)
{
    public IstioOptions Options { get; } = options;
}

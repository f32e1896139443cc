using Mesh.Diagnostics;

namespace Mesh.Providers.Istio.Export;

/// <summary>The state of one translation: options and the diagnostics raised so far.</summary>
internal sealed class ExportContext(IstioOptions options)
{
    public IstioOptions Options { get; } = options;

    public List<Diagnostic> Diagnostics { get; } = [];

    public void Unsupported(string path, string message) =>
        Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.Unsupported, path, message) with { Provider = IstioTranslator.ProviderId });

    public void Approximated(string path, string message) =>
        Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.Approximated, path, message) with { Provider = IstioTranslator.ProviderId });

    public void Rounded(string path, string message) =>
        Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.WeightsRounded, path, message) with { Provider = IstioTranslator.ProviderId });

    public void Info(string path, string message) =>
        Diagnostics.Add(Diagnostic.Info(DiagnosticCodes.Unsupported, path, message) with { Provider = IstioTranslator.ProviderId });
}

using Mesh.Diagnostics;

namespace Mesh.Providers.Istio.Import;

/// <summary>The state of one import: options and diagnostics. Paths are <c>source $.json.path</c>.</summary>
internal sealed class ImportContext(IstioOptions options, List<Diagnostic> diagnostics)
{
    public IstioOptions Options { get; } = options;

    public List<Diagnostic> Diagnostics { get; } = diagnostics;

    private static Diagnostic Tag(Diagnostic d) => d with { Provider = IstioTranslator.ProviderId };

    public void NotImported(string source, string path, string message) =>
        Diagnostics.Add(Tag(Diagnostic.Warning(DiagnosticCodes.FieldNotImported, $"{source} {path}", message)));

    public void NotImportedInfo(string source, string path, string message) =>
        Diagnostics.Add(Tag(Diagnostic.Info(DiagnosticCodes.FieldNotImported, $"{source} {path}", message)));

    public void OutOfScope(string source, string path, string message) =>
        Diagnostics.Add(Tag(Diagnostic.Warning(DiagnosticCodes.OutOfScope, $"{source} {path}", message)));

    public void Invalid(string source, string path, string message) =>
        Diagnostics.Add(Tag(Diagnostic.Error(DiagnosticCodes.InvalidResource, $"{source} {path}", message)));

    public void Legacy(string source, string path, string message) =>
        Diagnostics.Add(Tag(Diagnostic.Info(DiagnosticCodes.LegacyForm, $"{source} {path}", message)));

    public void UnknownKind(string source, string path, string message) =>
        Diagnostics.Add(Tag(Diagnostic.Warning(DiagnosticCodes.UnknownResourceKind, $"{source} {path}", message)));
}

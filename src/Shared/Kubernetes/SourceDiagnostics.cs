using Mesh.Diagnostics;

namespace Mesh.Kubernetes;

/// <summary>
/// The diagnostics of one import, tagged with a provider. Paths are <c>source $.json.path</c>; when the source came
/// from YAML the diagnostic carries the line and column of the node (or of its nearest ancestor in the file).
/// </summary>
internal class SourceDiagnostics(string provider, List<Diagnostic> diagnostics)
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, SourceLocation>> _positions = new(StringComparer.Ordinal);

    public string Provider { get; } = provider;

    public List<Diagnostic> Diagnostics { get; } = diagnostics;

    /// <summary>Records where the nodes of <paramref name="source"/> are.</summary>
    public void AddPositions(string source, IReadOnlyDictionary<string, SourceLocation> positions) => _positions[source] = positions;

    private Diagnostic Tag(Diagnostic d)
    {
        var tagged = d with { Provider = Provider };
        var space = d.Path.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0 || !_positions.TryGetValue(d.Path[..space], out var positions)) return tagged;
        var path = d.Path[(space + 1)..];
        while (true)
        {
            if (positions.TryGetValue(path, out var location)) return tagged with { Location = location };
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0) return tagged;
            path = path[..cut];
        }
    }

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

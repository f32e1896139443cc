using Mesh.Diagnostics;

namespace Mesh.Compliance;

/// <summary>What reading a rules document gave: the rules (null on error), the problems, and where each path is in the file.</summary>
public sealed record MeshRulesReadResult
{
    private readonly IReadOnlyDictionary<string, SourceLocation> _locations;

    internal MeshRulesReadResult(MeshRules? rules, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyDictionary<string, SourceLocation> locations)
    {
        Rules = rules;
        Diagnostics = diagnostics;
        _locations = locations;
    }

    /// <summary>The document; null when any diagnostic is an error.</summary>
    public MeshRules? Rules { get; }

    /// <summary>Every problem found, each with a path into the document and its line and column.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>
    /// Gives a diagnostic about the rules (<see cref="ComplianceResult.Diagnostics"/>) the location of its path in this document
    /// (the nearest enclosing node written); unchanged when it has one or the path is not in the document.
    /// </summary>
    /// <param name="diagnostic">A diagnostic whose path points into the rules document.</param>
    /// <returns>The diagnostic with its <see cref="Diagnostic.Location"/>.</returns>
    public Diagnostic Locate(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (diagnostic.Location is not null) return diagnostic;
        for (var path = diagnostic.Path; path.Length > 0; path = Parent(path))
        {
            if (_locations.TryGetValue(path, out var location)) return diagnostic with { Location = location };
        }
        return diagnostic;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? string.Empty : path[..cut];
    }
}

using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Serialization;

/// <summary>The outcome of reading a mesh document: the model when it is valid, and every problem found.</summary>
public sealed record MeshReadResult
{
    /// <summary>The model read.</summary>
    /// <value>Null when any diagnostic is an error.</value>
    public MeshConfig? Config { get; init; }

    /// <summary>Every problem found, each with a JSON path and a source location.</summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    /// <summary>Where each node of the document is in the text, by JSON path; use it to locate later (validation) diagnostics.</summary>
    public required SourceMap SourceMap { get; init; }

    /// <summary>Whether any diagnostic is an error (in which case <see cref="Config"/> is null).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

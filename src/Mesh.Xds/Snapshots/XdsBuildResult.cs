using Mesh.Diagnostics;

namespace Mesh.Xds;

/// <summary>The outcome of encoding a snapshot.</summary>
/// <param name="Snapshot">The snapshot, or null when there are errors (nothing half-written is returned).</param>
/// <param name="Diagnostics">Every problem found, with JSON paths into the model or the endpoints.</param>
public sealed record XdsBuildResult(XdsSnapshot? Snapshot, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

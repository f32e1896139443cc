using Mesh.Diagnostics;

namespace Mesh.Xds;

/// <summary>The outcome of an incremental update.</summary>
/// <param name="Snapshot">The new snapshot, or null when there are errors (the previous one stays valid).</param>
/// <param name="Changed">Resources whose bytes changed or that are new, by type then name.</param>
/// <param name="Removed">Resources the previous snapshot had and the new one does not.</param>
/// <param name="Diagnostics">Every problem found.</param>
public sealed record XdsUpdateResult(XdsSnapshot? Snapshot, IReadOnlyList<XdsResourceChange> Changed, IReadOnlyList<XdsResourceChange> Removed, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

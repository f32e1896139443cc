using Mesh.Diagnostics;

namespace Mesh.Xds;

/// <summary>The outcome of reading an endpoints file.</summary>
/// <param name="Snapshot">The endpoints, or null when the file has errors.</param>
/// <param name="Diagnostics">Every problem found, with JSON paths and source locations.</param>
public sealed record EndpointsReadResult(EndpointSnapshot? Snapshot, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

using Mesh.Translation;

namespace Mesh.Analysis;

/// <summary>How <see cref="MigrationPlanner.Plan"/> migrates.</summary>
public sealed record MigrationPlanOptions
{
    /// <summary>Import and translate strictly: what is not carried exactly is an error, and nothing is written.</summary>
    public bool Strict { get; init; }

    /// <summary>Which Kubernetes Services the target writes; null for its default.</summary>
    public ServiceOutput? Services { get; init; }

    /// <summary>Whether rules whose traffic changes are warnings (true) rather than errors that stop the migration.</summary>
    public bool AllowLoss { get; init; }
}

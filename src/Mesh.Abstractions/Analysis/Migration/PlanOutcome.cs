namespace Mesh.Analysis;

/// <summary>What became of a field, a feature or a rule in a migration.</summary>
public enum PlanOutcome
{
    /// <summary>Not carried over: a source field the model has no place for, or a feature the target cannot express.</summary>
    Lost,

    /// <summary>Carried over approximately (the finding says how), or with weights rounded.</summary>
    Approximated,

    /// <summary>A rule whose traffic reaches other workloads, or other shares of them, on the target.</summary>
    Changed,
}

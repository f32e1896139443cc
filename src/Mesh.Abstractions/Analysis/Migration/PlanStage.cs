namespace Mesh.Analysis;

/// <summary>Where in a migration a finding arose.</summary>
public enum PlanStage
{
    /// <summary>Reading the source manifests into the model.</summary>
    Import,

    /// <summary>Writing the model for the target mesh.</summary>
    Translate,

    /// <summary>Comparing the behaviour of every rule before and after.</summary>
    Behaviour,
}

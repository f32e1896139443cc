namespace Mesh.Analysis;

/// <summary>One thing a migration does not carry over exactly.</summary>
/// <param name="Stage">Where it arose.</param>
/// <param name="Outcome">Lost, approximated, or a rule whose traffic changes.</param>
/// <param name="Source">The source document (<c>file#doc</c>) for import findings; null for findings on the model.</param>
/// <param name="Path">The JSON path: into the source document for import findings, into the model otherwise.</param>
/// <param name="Feature">The path without indexes (<c>spec.routes.rules.retry</c>), for counting per feature.</param>
/// <param name="Code">The diagnostic code.</param>
/// <param name="Message">Why.</param>
public sealed record PlanFinding(PlanStage Stage, PlanOutcome Outcome, string? Source, string Path, string Feature, string Code, string Message);

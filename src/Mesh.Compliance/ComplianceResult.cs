using Mesh.Diagnostics;

namespace Mesh.Compliance;

/// <summary>The outcome of <see cref="ComplianceChecker.Check"/>: the violations, and the problems of the rules themselves.</summary>
public sealed record ComplianceResult
{
    /// <summary>The rules that were checked (enabled, after overrides), in order: the built-in pack, then the document's own.</summary>
    public required IReadOnlyList<ComplianceRuleInfo> Rules { get; init; }

    /// <summary>Every violation, by rule, in model order.</summary>
    public required IReadOnlyList<ComplianceViolation> Violations { get; init; }

    /// <summary>
    /// The violations a rule's exemptions waive, each with its <see cref="ComplianceViolation.Exemption"/>: not counted by
    /// <see cref="HasErrors"/>, and written as suppressed results in SARIF so that code-scanning shows them as accepted.
    /// </summary>
    public IReadOnlyList<ComplianceViolation> Exempted { get; init; } = [];

    /// <summary>
    /// Problems of the rules (MESH50xx): an unknown check, a bad parameter, an expression that does not compile or cannot be
    /// evaluated on an object. Their paths point into the rules document.
    /// </summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    /// <summary>Whether an error-severity rule is violated, or a rule could not be checked (an error diagnostic).</summary>
    public bool HasErrors => Violations.Any(v => v.IsError) || Diagnostics.Any(d => d.IsError);
}

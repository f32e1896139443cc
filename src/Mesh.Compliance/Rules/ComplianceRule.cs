using Mesh.Collections;
using Mesh.Diagnostics;

namespace Mesh.Compliance;

/// <summary>
/// One named rule: either a built-in check with parameters (<see cref="Check"/>) or a CEL expression over the model's JSON form
/// (<see cref="Expression"/>), with the severity of its violations, the objects it selects and those exempted. YAML:
/// <c>{ id: team-label, on: services, expression: "has(object.selector.team)", severity: warning }</c>.
/// </summary>
public sealed record ComplianceRule
{
    /// <summary>The rule's id, unique in a document; a built-in rule's id re-configures that rule.</summary>
    public required string Id { get; init; }

    /// <summary>The built-in check this rule runs (a built-in rule's id), or null for an expression rule or an override of a built-in rule.</summary>
    public string? Check { get; init; }

    /// <summary>A CEL expression that is true for a compliant object, or null for a built-in check.</summary>
    public string? Expression { get; init; }

    /// <summary>The objects an expression rule is evaluated on.</summary>
    /// <value>Defaults to <see cref="RuleSubject.Config"/> (the whole model, once).</value>
    public RuleSubject On { get; init; } = RuleSubject.Config;

    /// <summary>The severity of a violation, or null for the built-in rule's own (an expression rule's default is an error).</summary>
    public DiagnosticSeverity? Severity { get; init; }

    /// <summary>The message of a violation, or null for the built-in check's own (or, for an expression, one naming the rule).</summary>
    public string? Message { get; init; }

    /// <summary>Whether the rule is checked.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool Enabled { get; init; } = true;

    /// <summary>Parameters of the built-in check (values as written: <c>10s</c>, <c>3</c>, <c>true</c>); expressions read them as <c>params</c>.</summary>
    public EquatableMap<string> Parameters { get; init; }

    /// <summary>The objects the rule applies to, or null for every object.</summary>
    public RuleTarget? Target { get; init; }

    /// <summary>Objects exempted from the rule.</summary>
    public EquatableArray<RuleExemption> Exemptions { get; init; }
}

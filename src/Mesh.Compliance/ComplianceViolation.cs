using Mesh.Diagnostics;

namespace Mesh.Compliance;

/// <summary>A model object that breaks a rule.</summary>
public sealed record ComplianceViolation
{
    /// <summary>The rule's id.</summary>
    public required string RuleId { get; init; }

    /// <summary>The rule's severity.</summary>
    public required DiagnosticSeverity Severity { get; init; }

    /// <summary>A JSON path into the model's JSON form (<c>$.spec.routes[0].rules[1].timeout</c>): the object, or its field, at fault.</summary>
    public required string Path { get; init; }

    /// <summary>What is wrong, and how to fix it.</summary>
    public required string Message { get; init; }

    /// <summary>The kind of model object at fault.</summary>
    public required RuleSubject Subject { get; init; }

    /// <summary>The object's namespace, or null for a mesh-wide object.</summary>
    public string? Namespace { get; init; }

    /// <summary>The object's name (for a destination policy, its target service's), or null when it has none.</summary>
    public string? Name { get; init; }

    /// <summary>Where the object was written, when known: the model file's line, or a provider manifest's document.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>The provider object the model object came from (<c>VirtualService shop/web in mesh.yaml#2</c>), when known.</summary>
    public string? Source { get; init; }

    /// <summary>The exemption that waives this violation (in <see cref="ComplianceResult.Exempted"/>), or null.</summary>
    public RuleExemption? Exemption { get; init; }

    /// <summary>Whether the severity is <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <inheritdoc />
    public override string ToString()
    {
        var text = $"{Severity.ToString().ToLowerInvariant()} {RuleId} {Path}: {Message}";
        if (Source is not null) text += $" [{Source}]";
        return Location is null ? text : $"{text} ({Location})";
    }
}

using Mesh.Collections;

namespace Mesh.Compliance;

/// <summary>
/// A rules document (<c>kind: MeshRules</c>): the rules a model is checked against. The built-in pack
/// (<see cref="BuiltInRules"/>) is on unless <see cref="IncludeBuiltIn"/> is false; an entry whose <see cref="ComplianceRule.Id"/>
/// is a built-in rule's id re-configures that rule (severity, message, parameters, target, exemptions, or switches it off).
/// </summary>
public sealed record MeshRules
{
    /// <summary>The built-in pack alone, with its defaults.</summary>
    public static MeshRules Default { get; } = new() { Name = "default" };

    /// <summary>The document's <c>metadata.name</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Whether the built-in pack is checked (each of its rules can still be switched off by an entry of the same id).</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool IncludeBuiltIn { get; init; } = true;

    /// <summary>The document's rules, in order: new rules and overrides of built-in ones.</summary>
    public EquatableArray<ComplianceRule> Rules { get; init; }
}

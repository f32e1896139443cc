namespace Mesh.Analysis;

/// <summary>A Kubernetes object of a migration: a source document or a target object.</summary>
/// <param name="Kind">Its <c>kind</c>.</param>
/// <param name="Namespace">Its <c>metadata.namespace</c>, or null.</param>
/// <param name="Name">Its <c>metadata.name</c>, or null.</param>
/// <param name="Source">For a source document, its name in findings (<c>file#doc</c>); null for a target object.</param>
public sealed record PlanObject(string Kind, string? Namespace, string? Name, string? Source)
{
    /// <summary>
    /// The model objects (<see cref="Model.ModelObjectNames"/>) this object is part of: for a target object, those its
    /// <c>mesh-sdk.io/source</c> annotation names; for a source document, the objects of the imported model it adds to or
    /// changes (found by importing the input without it) and those it declares itself (importing it alone). Null when not known, and then <see cref="MigrationPlan.Became"/>
    /// matches by name.
    /// </summary>
    public IReadOnlyList<string>? ModelObjects { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {(Namespace is null ? string.Empty : Namespace + "/")}{Name}";
}

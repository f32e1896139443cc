namespace Mesh.Translation;

/// <summary>Options for <see cref="ITranslator.Import"/>.</summary>
public record ImportOptions
{
    /// <summary>Whether an input field that cannot be carried into the model is an error, in which case no model is returned.</summary>
    /// <value>Defaults to false: such fields are warnings.</value>
    public bool Strict { get; init; }

    /// <summary>The name given to the imported model.</summary>
    /// <value>Defaults to <c>imported</c>.</value>
    public string ModelName { get; init; } = "imported";

    /// <summary>
    /// Whether to read only the objects Mesh SDK wrote (labelled <c>app.kubernetes.io/managed-by: mesh-sdk</c>) and leave
    /// hand-written ones out, as <c>mesh diff --managed-only</c> does to compare what it manages.
    /// </summary>
    /// <value>Defaults to false: every object is read, and in a mixed input those not written by Mesh SDK are named in a note.</value>
    public bool ManagedOnly { get; init; }
}

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
}

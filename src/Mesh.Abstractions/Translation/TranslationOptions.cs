namespace Mesh.Translation;

/// <summary>Options for <see cref="ITranslator.Translate"/>.</summary>
public record TranslationOptions
{
    /// <summary>Whether a feature the provider cannot express exactly is an error, in which case no resources are returned.</summary>
    /// <value>Defaults to false: such features are warnings and the rest is translated.</value>
    public bool Strict { get; init; }

    /// <summary>Which core <c>v1</c> Services a Kubernetes provider writes with this translation; null keeps the provider's own option.</summary>
    public ServiceOutput? Services { get; init; }

    /// <summary>Whether <c>Translate</c> validates the model first and, when it is invalid, returns the validation errors instead of resources.</summary>
    /// <value>
    /// Defaults to true. Set it to false only for a model that was just validated (as <c>mesh translate</c> does): validation
    /// costs about twice the translation itself on large meshes, and an invalid model may otherwise give invalid resources.
    /// </value>
    public bool Validate { get; init; } = true;
}

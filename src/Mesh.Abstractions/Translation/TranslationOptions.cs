namespace Mesh.Translation;

/// <summary>Options for <see cref="ITranslator.Translate"/>.</summary>
public record TranslationOptions
{
    /// <summary>Whether a feature the provider cannot express exactly is an error, in which case no resources are returned.</summary>
    /// <value>Defaults to false: such features are warnings and the rest is translated.</value>
    public bool Strict { get; init; }

    /// <summary>Which core <c>v1</c> Services a Kubernetes provider writes with this translation; null keeps the provider's own option.</summary>
    public ServiceOutput? Services { get; init; }
}

namespace Mesh.Translation;

/// <summary>Thrown by <see cref="ITranslatorRegistry.Get"/> for a provider no translator is registered for.</summary>
public sealed class UnknownProviderException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The requested provider.</param>
    /// <param name="known">The providers that are registered.</param>
    public UnknownProviderException(ProviderName provider, IReadOnlyList<ProviderName> known)
        : base($"Unknown provider '{provider}'; known: {(known.Count == 0 ? "(none registered)" : string.Join(", ", known))}.")
    {
        Provider = provider;
        Known = known;
    }

    /// <summary>The requested provider.</summary>
    public ProviderName Provider { get; }

    /// <summary>The providers that are registered.</summary>
    public IReadOnlyList<ProviderName> Known { get; }
}

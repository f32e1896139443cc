using System.Diagnostics.CodeAnalysis;

namespace Mesh.Translation;

/// <summary>Resolves translators by provider name.</summary>
public interface ITranslatorRegistry
{
    /// <summary>The registered providers, sorted by name.</summary>
    IReadOnlyList<ProviderName> Providers { get; }

    /// <summary>Finds the translator of <paramref name="provider"/>.</summary>
    /// <param name="provider">The provider name (case-insensitive).</param>
    /// <param name="translator">The translator when found.</param>
    bool TryGet(ProviderName provider, [NotNullWhen(true)] out ITranslator? translator);

    /// <summary>The translator of <paramref name="provider"/>.</summary>
    /// <param name="provider">The provider name (case-insensitive).</param>
    /// <exception cref="UnknownProviderException">No translator is registered for it.</exception>
    ITranslator Get(ProviderName provider);
}

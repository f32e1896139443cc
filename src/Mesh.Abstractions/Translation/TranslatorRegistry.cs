using System.Diagnostics.CodeAnalysis;

namespace Mesh.Translation;

/// <summary>The default <see cref="ITranslatorRegistry"/>: a fixed set of translators, the last registration of a name winning.</summary>
public sealed class TranslatorRegistry : ITranslatorRegistry
{
    private readonly Dictionary<ProviderName, ITranslator> _byName = [];

    /// <summary>Creates a registry of <paramref name="translators"/>.</summary>
    /// <param name="translators">The translators (in DI, every registered <see cref="ITranslator"/>).</param>
    public TranslatorRegistry(IEnumerable<ITranslator> translators)
    {
        ArgumentNullException.ThrowIfNull(translators);
        foreach (var translator in translators) _byName[translator.Provider] = translator;
        Providers = [.. _byName.Keys.OrderBy(p => p.Value, StringComparer.OrdinalIgnoreCase)];
    }

    /// <inheritdoc />
    public IReadOnlyList<ProviderName> Providers { get; }

    /// <inheritdoc />
    public bool TryGet(ProviderName provider, [NotNullWhen(true)] out ITranslator? translator) => _byName.TryGetValue(provider, out translator);

    /// <inheritdoc />
    public ITranslator Get(ProviderName provider) =>
        TryGet(provider, out var translator) ? translator : throw new UnknownProviderException(provider, Providers);
}

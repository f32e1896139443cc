using Mesh.Cli.Output;
using Mesh.Translation;

namespace Mesh.Cli;

/// <summary>What every command needs: the standard streams and the translators.</summary>
/// <param name="Stdout">Results.</param>
/// <param name="Stderr">Diagnostics and usage errors.</param>
/// <param name="Registry">The registered translators.</param>
/// <param name="Stdin">What an input named <c>-</c> reads (<see cref="Commands.StandardStreams.Name"/>); null when there is none.</param>
/// <param name="Colour">Whether diagnostics colour their severity (stderr is a terminal and <c>NO_COLOR</c> is not set).</param>
internal sealed record CliContext(TextWriter Stdout, TextWriter Stderr, ITranslatorRegistry Registry, TextReader? Stdin = null, bool Colour = false)
{
    /// <summary>Resolves a provider or explains which ones exist.</summary>
    public bool TryGetTranslator(string? name, out ITranslator translator)
    {
        if (name is not null && Registry.TryGet(new ProviderName(name), out var found))
        {
            translator = found;
            return true;
        }
        var known = Registry.Providers.Count == 0 ? "(none registered)" : string.Join(", ", Registry.Providers);
        var suggestion = name is null ? null : Suggestions.Closest(name, Registry.Providers.Select(p => p.Value));
        Stderr.WriteLine($"error: unknown provider '{name}', known: {known}{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}");
        translator = null!;
        return false;
    }
}

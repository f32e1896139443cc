using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Translation;

/// <summary>The outcome of an import: the model and every input field that was not carried into it.</summary>
public sealed record ImportResult
{
    /// <summary>The imported model; null when <see cref="HasErrors"/>.</summary>
    public MeshConfig? Config { get; init; }

    /// <summary>Every problem found, in order of discovery.</summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>Builds a result, applying <see cref="ImportOptions.Strict"/> (warnings become errors) and dropping the model on error.</summary>
    /// <param name="config">The model produced.</param>
    /// <param name="diagnostics">The diagnostics raised.</param>
    /// <param name="options">The options used.</param>
    public static ImportResult Create(MeshConfig config, IReadOnlyList<Diagnostic> diagnostics, ImportOptions? options)
    {
        var final = options?.Strict ?? false ? TranslationResult.Escalate(diagnostics) : diagnostics;
        return new ImportResult { Config = final.Any(d => d.IsError) ? null : config, Diagnostics = final };
    }
}

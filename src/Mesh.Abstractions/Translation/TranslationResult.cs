using Mesh.Diagnostics;

namespace Mesh.Translation;

/// <summary>The outcome of <see cref="ITranslator.Translate"/>: the resources and what could not be expressed.</summary>
public sealed record TranslationResult
{
    /// <summary>The provider's resources in a deterministic order; empty when <see cref="HasErrors"/>.</summary>
    /// <remarks>
    /// Resources may share sub-objects where a mesh repeats the same value many times (App Mesh backend lists of a
    /// namespace, Consul upstream overrides and intention permissions): treat them as read-only, or serialize and read them
    /// back for an independent copy to edit.
    /// </remarks>
    public required IReadOnlyList<object> Resources { get; init; }

    /// <summary>Every problem found, in order of discovery.</summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>
    /// Builds a result, applying <see cref="TranslationOptions.Strict"/>: in strict mode warnings become errors;
    /// whenever there is an error no resources are returned, so nothing half-translated is ever applied.
    /// </summary>
    /// <param name="resources">The resources produced.</param>
    /// <param name="diagnostics">The diagnostics raised.</param>
    /// <param name="options">The options used.</param>
    public static TranslationResult Create(IReadOnlyList<object> resources, IReadOnlyList<Diagnostic> diagnostics, TranslationOptions? options)
    {
        var strict = options?.Strict ?? false;
        var final = strict ? Escalate(diagnostics) : diagnostics;
        var failed = final.Any(d => d.IsError);
        return new TranslationResult { Resources = failed ? [] : resources, Diagnostics = final };
    }

    internal static IReadOnlyList<Diagnostic> Escalate(IReadOnlyList<Diagnostic> diagnostics) =>
        [.. diagnostics.Select(d => d.Severity == DiagnosticSeverity.Warning ? d with { Severity = DiagnosticSeverity.Error } : d)];
}

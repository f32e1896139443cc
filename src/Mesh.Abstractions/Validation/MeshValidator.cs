using FluentValidation;
using FluentValidation.Results;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Validation.Validators;

namespace Mesh.Validation;

/// <summary>
/// Validates a <see cref="MeshConfig"/> and reports every problem as a <see cref="Diagnostic"/> with a stable
/// <c>MESH20xx</c> code and a JSON path in wire names (for example <c>$.spec.routes[1].rules[0].backends[2].weight</c>).
/// </summary>
/// <remarks>
/// Validation never stops at the first problem and never throws for bad content: null values inside records, unknown
/// enum values and malformed regexes all become diagnostics. The validators are immutable and shared, so this is safe
/// to call from many threads.
/// </remarks>
public static class MeshValidator
{
    /// <summary>Validates <paramref name="config"/>.</summary>
    /// <param name="config">The model to check.</param>
    /// <returns>
    /// Every problem found (errors, and warnings for suspicious but runnable settings), each record's own problems
    /// before those of the records nested in it; empty when the model is valid.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="config"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<Diagnostic> Validate(MeshConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var context = new ValidationContext<MeshConfig>(config);
        new ValidationIndex(config).Attach(context);
        var result = MeshConfigValidator.Instance.Validate(context);
        if (result.IsValid && result.Errors.Count == 0) return [];
        var diagnostics = new List<Diagnostic>(result.Errors.Count);
        foreach (var failure in result.Errors) diagnostics.Add(ToDiagnostic(failure));
        return diagnostics;
    }

    /// <summary>
    /// Validates one access rule on its own (an importer checks a rule it built before keeping it): the problems of
    /// <see cref="Validate(MeshConfig)"/> for the rule, with paths as if the rule were the spec (<c>$.spec.from.identities[0]</c>).
    /// </summary>
    /// <param name="rule">The rule to check.</param>
    /// <returns>Every problem found; empty when the rule is valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<Diagnostic> ValidateRule(AccessRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var result = AccessRuleValidator.Instance.Validate(rule);
        return [.. result.Errors.Select(ToDiagnostic)];
    }

    /// <summary>
    /// Validates one JWT rule on its own (an importer checks a rule it built before keeping it): the problems of
    /// <see cref="Validate(MeshConfig)"/> for the rule, with paths as if the rule were the spec (<c>$.spec.jwksUri</c>).
    /// </summary>
    /// <param name="rule">The rule to check.</param>
    /// <returns>Every problem found; empty when the rule is valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<Diagnostic> ValidateJwtRule(JwtRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var result = JwtRuleValidator.Instance.Validate(rule);
        return [.. result.Errors.Select(ToDiagnostic)];
    }

    internal static Diagnostic ToDiagnostic(ValidationFailure failure) => new()
    {
        Severity = failure.Severity switch
        {
            Severity.Warning => DiagnosticSeverity.Warning,
            Severity.Info => DiagnosticSeverity.Info,
            _ => DiagnosticSeverity.Error,
        },
        Code = new DiagnosticCode(failure.ErrorCode),
        Path = WirePath.FromPropertyChain(failure.PropertyName),
        Message = failure.ErrorMessage,
    };
}

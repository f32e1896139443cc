using System.Globalization;
using Mesh.Translation;

namespace Mesh.Diagnostics;

/// <summary>
/// One problem found in an input: its severity, a stable code, a JSON path in wire (camelCase) names such as
/// <c>$.spec.routes[1].rules[0].backends[2].weight</c>, a message, and, when known, the provider and the source position.
/// </summary>
public sealed record Diagnostic
{
    /// <summary>How serious the problem is.</summary>
    public required DiagnosticSeverity Severity { get; init; }

    /// <summary>The stable code.</summary>
    public required DiagnosticCode Code { get; init; }

    /// <summary>Where in the input: a JSON path, optionally prefixed by a source (<c>file#doc $.spec.http[0]</c>).</summary>
    public required string Path { get; init; }

    /// <summary>What is wrong and, where possible, how to fix it.</summary>
    public required string Message { get; init; }

    /// <summary>The provider that raised it, or null for the model itself.</summary>
    public ProviderName? Provider { get; init; }

    /// <summary>The position in the source text, when the input came from a file.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>Whether this is an error.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>An error.</summary>
    /// <param name="code">The code.</param>
    /// <param name="path">The JSON path.</param>
    /// <param name="message">The message.</param>
    public static Diagnostic Error(DiagnosticCode code, string path, string message) => new() { Severity = DiagnosticSeverity.Error, Code = code, Path = path, Message = message };

    /// <summary>A warning.</summary>
    /// <param name="code">The code.</param>
    /// <param name="path">The JSON path.</param>
    /// <param name="message">The message.</param>
    public static Diagnostic Warning(DiagnosticCode code, string path, string message) => new() { Severity = DiagnosticSeverity.Warning, Code = code, Path = path, Message = message };

    /// <summary>Information.</summary>
    /// <param name="code">The code.</param>
    /// <param name="path">The JSON path.</param>
    /// <param name="message">The message.</param>
    public static Diagnostic Info(DiagnosticCode code, string path, string message) => new() { Severity = DiagnosticSeverity.Info, Code = code, Path = path, Message = message };

    /// <summary>The diagnostic as <c>severity code path: message</c>, with <c> (file:line:col)</c> when located.</summary>
    public override string ToString()
    {
        var severity = Severity.ToString().ToLower(CultureInfo.InvariantCulture);
        var at = Location is null ? string.Empty : $" ({Location})";
        return $"{severity} {Code} {Path}: {Message}{at}";
    }
}

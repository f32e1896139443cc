using System.Reflection;
using System.Text.Json;
using Mesh.Compliance;
using Mesh.Diagnostics;

namespace Mesh.Cli.Output;

/// <summary>Writes the outcome of <c>mesh check</c>: text lines, one JSON object, or a SARIF 2.1.0 log.</summary>
internal static class ComplianceWriter
{
    public const string SarifSchema = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>Text: one line a violation, then a count (with the exempted ones, when there are any).</summary>
    public static void Text(TextWriter writer, IReadOnlyList<ComplianceViolation> violations, bool colour, int exempted = 0)
    {
        foreach (var v in violations) writer.WriteLine(colour ? Coloured(v) : v.ToString());
        var errors = violations.Count(v => v.IsError);
        var warnings = violations.Count(v => v.Severity == DiagnosticSeverity.Warning);
        var waived = exempted > 0 ? $", {exempted} exempted" : string.Empty;
        writer.WriteLine($"{errors} error(s), {warnings} warning(s), {violations.Count - errors - warnings} note(s){waived}.");
    }

    /// <summary>JSON: <c>{ "violations": [...], "diagnostics": [...] }</c>, and <c>"exempted": [...]</c> (each with its <c>reason</c>) when a rule's exemptions waived any.</summary>
    public static void Json(TextWriter writer, IReadOnlyList<ComplianceViolation> violations, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<ComplianceViolation>? exempted = null)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("violations");
            foreach (var v in violations) Violation(json, v);
            json.WriteEndArray();
            if (exempted is { Count: > 0 })
            {
                json.WriteStartArray("exempted");
                foreach (var v in exempted) Violation(json, v);
                json.WriteEndArray();
            }
            json.WriteStartArray("diagnostics");
            foreach (var d in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("severity", Severity(d.Severity));
                json.WriteString("code", d.Code.Value);
                json.WriteString("path", d.Path);
                json.WriteString("message", d.Message);
                if (d.Location is { } location)
                {
                    if (location.File is not null) json.WriteString("file", location.File);
                    json.WriteNumber("line", location.Line);
                    json.WriteNumber("column", location.Column);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        writer.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void Violation(Utf8JsonWriter json, ComplianceViolation v)
    {
        json.WriteStartObject();
        json.WriteString("rule", v.RuleId);
        json.WriteString("severity", Severity(v.Severity));
        json.WriteString("path", v.Path);
        json.WriteString("message", v.Message);
        json.WriteString("subject", MeshRulesYaml.SubjectName(v.Subject));
        if (v.Namespace is not null) json.WriteString("namespace", v.Namespace);
        if (v.Name is not null) json.WriteString("name", v.Name);
        if (v.Source is not null) json.WriteString("source", v.Source);
        if (v.Location is { } location)
        {
            if (location.File is not null) json.WriteString("file", location.File);
            json.WriteNumber("line", location.Line);
            json.WriteNumber("column", location.Column);
        }
        if (v.Exemption is { } exemption) json.WriteString("reason", exemption.Reason);
        json.WriteEndObject();
    }

    /// <summary>A SARIF 2.1.0 log of one run: the rules checked, a result per violation, the rules' problems as notifications.</summary>
    /// <remarks>Exempted violations are results too, each with a suppression (<c>external</c>, <c>accepted</c>, the exemption's reason).</remarks>
    public static void Sarif(TextWriter writer, ComplianceResult result, IReadOnlyList<ComplianceViolation> violations, IReadOnlyList<Diagnostic> diagnostics)
    {
        var rules = result.Rules.Select(r => new SarifRule(r.Id, new SarifMessage(r.Description), new SarifConfiguration(Level(r.Severity)), new SarifRuleProperties(r.BuiltIn))).ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++) index.TryAdd(rules[i].Id, i);
        var results = violations.Select(v => new SarifResult(
            v.RuleId,
            index.GetValueOrDefault(v.RuleId, -1),
            Level(v.Severity),
            new SarifMessage(v.Source is null ? v.Message : $"{v.Message} [{v.Source}]"),
            [Location(v.Path, v.Name, v.Location)],
            v.Exemption is { } exemption ? [new SarifSuppression("external", "accepted", exemption.Reason ?? "Exempted by the rule's exemptions.")] : null)).ToList();
        var notifications = diagnostics.Select(d => new SarifNotification(new SarifDescriptor(d.Code.Value), Level(d.Severity), new SarifMessage(d.Message), [Location(d.Path, null, d.Location)])).ToList();
        var version = typeof(ComplianceWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];
        var log = new SarifLog(SarifSchema, "2.1.0",
        [
            new SarifRun(
                new SarifTool(new SarifDriver("mesh", version, "https://github.com/mesh-sdk/mesh-sdk", rules)),
                [new SarifInvocation(!diagnostics.Any(d => d.IsError), notifications)],
                results),
        ]);
        writer.WriteLine(JsonSerializer.Serialize(log, SarifJsonContext.Default.SarifLog));
    }

    private static SarifLocation Location(string path, string? name, SourceLocation? location) => new(
        location is { File: { } file } ? new SarifPhysicalLocation(new SarifArtifactLocation(Uri(file)), location.Line > 0 ? new SarifRegion(location.Line, Math.Max(1, location.Column)) : null) : null,
        [new SarifLogicalLocation(path, name, "object")]);

    /// <summary>A relative URI reference for a file name as given (forward slashes, spaces and the like escaped).</summary>
    private static string Uri(string file) => string.Join('/', file.Replace('\\', '/').Split('/').Select(System.Uri.EscapeDataString));

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    private static string Severity(DiagnosticSeverity severity) => severity.ToString().ToLowerInvariant();

    private static string Coloured(ComplianceViolation violation)
    {
        var text = violation.ToString();
        var word = Severity(violation.Severity);
        var colour = violation.Severity switch
        {
            DiagnosticSeverity.Error => "\u001b[31m",
            DiagnosticSeverity.Warning => "\u001b[33m",
            _ => "\u001b[36m",
        };
        return $"{colour}{word}\u001b[0m{text[word.Length..]}";
    }
}

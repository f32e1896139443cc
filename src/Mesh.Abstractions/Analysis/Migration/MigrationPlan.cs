using System.Globalization;
using System.Text;
using System.Text.Json;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Translation;

namespace Mesh.Analysis;

/// <summary>
/// What a migration carries, approximates and loses (<see cref="MigrationPlanner.Plan"/>): the source and target objects,
/// every finding with its stage and why, counts per source object and per feature, and the behaviour of every rule. As a
/// document with <see cref="ToMarkdown"/> (for a review) or <see cref="ToJson"/> (for tools).
/// </summary>
public sealed record MigrationPlan
{
    /// <summary>The source mesh.</summary>
    public required ProviderName From { get; init; }

    /// <summary>The target mesh.</summary>
    public required ProviderName To { get; init; }

    /// <summary>The documents of the source manifests, each named as findings name it (<c>file#doc</c>).</summary>
    public required IReadOnlyList<PlanObject> Sources { get; init; }

    /// <summary>The objects written for the target (empty when the migration stopped before writing).</summary>
    public required IReadOnlyList<PlanObject> Targets { get; init; }

    /// <summary>Everything not carried exactly, in the order found.</summary>
    public required IReadOnlyList<PlanFinding> Findings { get; init; }

    /// <summary>How many rules (HTTP rules and TCP routes) the source model has.</summary>
    public required int RuleCount { get; init; }

    /// <summary>The rules whose traffic changes on the target.</summary>
    public required IReadOnlyList<BehaviourChange> Changes { get; init; }

    /// <summary>Every diagnostic of the import, validation, translation and behaviour check.</summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    /// <summary>The model read from the source, or null when the import failed.</summary>
    public MeshConfig? Config { get; init; }

    /// <summary>What was written for the target, or null when the migration stopped before translating.</summary>
    public TranslationResult? Translation { get; init; }

    /// <summary>Whether the target's resources can be applied: they were written and nothing is an error.</summary>
    public bool CanMigrate => Translation is { HasErrors: false } && !Diagnostics.Any(d => d.IsError);

    /// <summary>
    /// The target objects a source object became: those whose <c>mesh-sdk.io/source</c> annotation names a model object the
    /// source object adds to or changes (<see cref="PlanObject.ModelObjects"/>). When that is not known (an input of more than
    /// 250 documents, a document the rest of the input cannot do without), by name: every translator names what it writes after
    /// the model object, and the model object after the source object; objects a translator adds (leaf Services,
    /// <c>-&lt;port&gt;</c> splits) are found when their name starts with the source's followed by <c>-</c>.
    /// </summary>
    /// <param name="source">A source object of this plan.</param>
    /// <returns>The target objects it became, in the order written.</returns>
    public IReadOnlyList<PlanObject> Became(PlanObject source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.ModelObjects is { } parts)
        {
            var set = parts.ToHashSet(StringComparer.Ordinal);
            return [.. Targets.Where(t => t.ModelObjects?.Any(set.Contains) == true)];
        }
        if (source.Name is null) return [];
        // A manifest without a namespace is applied to (and imported into) "default".
        return [.. Targets.Where(t => t.Name is not null && (t.Namespace ?? "default") == (source.Namespace ?? "default")
            && (t.Name == source.Name || t.Name.StartsWith(source.Name + "-", StringComparison.Ordinal)))];
    }

    /// <summary>Models with more services than this get no picture in the Markdown plan (it would not be read).</summary>
    private const int PictureLimit = 100;

    private int Count(PlanOutcome outcome) => Findings.Count(f => f.Outcome == outcome);

    /// <summary>The plan as a Markdown document: a summary, a table per source object and per feature, the rules, the findings.</summary>
    /// <returns>The document.</returns>
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        var errors = Diagnostics.Count(d => d.IsError);
        md.Append(CultureInfo.InvariantCulture, $"# Migration plan: {From} → {To}\n\n");
        md.Append(CanMigrate ? "**Ready**: the target's objects can be applied.\n\n" : $"**Blocked**: {errors} error(s); nothing would be written.\n\n");
        md.Append("| | count |\n|---|---:|\n");
        md.Append(CultureInfo.InvariantCulture, $"| source objects | {Sources.Count} |\n| target objects | {Targets.Count} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| rules | {RuleCount} ({RuleCount - Changes.Count} keep their traffic, {Changes.Count} change) |\n");
        md.Append(CultureInfo.InvariantCulture, $"| lost | {Count(PlanOutcome.Lost)} |\n| approximated | {Count(PlanOutcome.Approximated)} |\n\n");

        md.Append("## Source objects\n\nLost counts the source fields the import could not carry; what the target cannot express is counted per feature below.\n\n");
        md.Append("| document | object | lost | became |\n|---|---|---:|---|\n");
        foreach (var source in Sources)
        {
            var lost = Findings.Count(f => f.Stage == PlanStage.Import && f.Source is { } s && (s == source.Source || s.StartsWith(source.Source + " ", StringComparison.Ordinal)));
            var became = Became(source);
            md.Append(CultureInfo.InvariantCulture, $"| {Cell(source.Source ?? string.Empty)} | {Cell(source.ToString())} | {lost} | {Cell(became.Count == 0 ? "—" : string.Join(", ", became))} |\n");
        }

        md.Append("\n## Per feature\n\n| stage | feature | lost | approximated |\n|---|---|---:|---:|\n");
        foreach (var group in Findings.Where(f => f.Outcome != PlanOutcome.Changed).GroupBy(f => (f.Stage, f.Feature)).OrderBy(g => g.Key.Stage).ThenBy(g => g.Key.Feature, StringComparer.Ordinal))
        {
            md.Append(CultureInfo.InvariantCulture, $"| {group.Key.Stage.ToString().ToLowerInvariant()} | `{Cell(group.Key.Feature)}` | {group.Count(f => f.Outcome == PlanOutcome.Lost)} | {group.Count(f => f.Outcome == PlanOutcome.Approximated)} |\n");
        }

        md.Append("\n## Behaviour of every rule\n\n");
        if (Translation is not { HasErrors: false }) md.Append("Not checked: nothing was written.\n");
        else if (Changes.Count == 0) md.Append(CultureInfo.InvariantCulture, $"All {RuleCount} rule(s) send the same traffic to the same workloads on {To}.\n");
        else foreach (var change in Changes) md.Append("- ").Append(Cell(change.Message)).Append('\n');

        if (Config is { } config && Changes.Count > 0 && config.Services.Count <= PictureLimit)
        {
            // The source model with the rules whose traffic changes in red: Markdown viewers render the block.
            md.Append("\n```mermaid\n");
            md.Append(Mesh.Graph.MeshGraph.Render(config, new Mesh.Graph.MeshGraphOptions { Highlight = [.. Changes.Select(c => c.Before?.Path ?? c.After?.Path).OfType<string>()] }));
            md.Append("```\n");
        }

        md.Append("\n## Findings\n");
        foreach (var outcome in new[] { PlanOutcome.Lost, PlanOutcome.Approximated })
        {
            var list = Findings.Where(f => f.Outcome == outcome).ToList();
            if (list.Count == 0) continue;
            md.Append(CultureInfo.InvariantCulture, $"\n### {outcome}\n\n");
            foreach (var f in list)
            {
                md.Append(CultureInfo.InvariantCulture, $"- {f.Stage.ToString().ToLowerInvariant()} `{(f.Source is null ? string.Empty : f.Source + " ")}{f.Path}` ({f.Code}): {Cell(f.Message)}\n");
            }
        }
        var blocking = Diagnostics.Where(d => d.IsError).ToList();
        if (blocking.Count > 0)
        {
            md.Append("\n### Errors\n\n");
            foreach (var d in blocking) md.Append(CultureInfo.InvariantCulture, $"- `{d.Path}` ({d.Code}): {Cell(d.Message)}\n");
        }
        return md.ToString();
    }

    /// <summary>The plan as one JSON object: providers, counts, objects (with what each became), rules and findings.</summary>
    /// <returns>The JSON text, indented.</returns>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("from", From.Value);
            json.WriteString("to", To.Value);
            json.WriteBoolean("canMigrate", CanMigrate);
            json.WriteStartObject("counts");
            json.WriteNumber("sources", Sources.Count);
            json.WriteNumber("targets", Targets.Count);
            json.WriteNumber("rules", RuleCount);
            json.WriteNumber("rulesChanged", Changes.Count);
            json.WriteNumber("lost", Count(PlanOutcome.Lost));
            json.WriteNumber("approximated", Count(PlanOutcome.Approximated));
            json.WriteNumber("errors", Diagnostics.Count(d => d.IsError));
            json.WriteEndObject();
            json.WriteStartArray("sources");
            foreach (var source in Sources)
            {
                json.WriteStartObject();
                Object(json, source);
                json.WriteStartArray("became");
                foreach (var t in Became(source)) { json.WriteStartObject(); Object(json, t); json.WriteEndObject(); }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("targets");
            foreach (var t in Targets) { json.WriteStartObject(); Object(json, t); json.WriteEndObject(); }
            json.WriteEndArray();
            json.WriteStartArray("findings");
            foreach (var f in Findings)
            {
                json.WriteStartObject();
                json.WriteString("stage", f.Stage.ToString().ToLowerInvariant());
                json.WriteString("outcome", f.Outcome.ToString().ToLowerInvariant());
                if (f.Source is not null) json.WriteString("source", f.Source);
                json.WriteString("path", f.Path);
                json.WriteString("feature", f.Feature);
                json.WriteString("code", f.Code);
                json.WriteString("message", f.Message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Object(Utf8JsonWriter json, PlanObject o)
    {
        json.WriteString("kind", o.Kind);
        if (o.Namespace is not null) json.WriteString("namespace", o.Namespace);
        if (o.Name is not null) json.WriteString("name", o.Name);
        if (o.Source is not null) json.WriteString("document", o.Source);
        if (o.ModelObjects is { } parts)
        {
            json.WriteStartArray("modelObjects");
            foreach (var part in parts) json.WriteStringValue(part);
            json.WriteEndArray();
        }
    }

    /// <summary>Text safe in a Markdown table cell or list item: pipes escaped, line breaks as spaces.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
}

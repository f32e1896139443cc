using System.Text.RegularExpressions;
using Mesh.Diagnostics;
using Mesh.Serialization;
using Mesh.Translation;
using Mesh.Validation;

namespace Mesh.Analysis;

/// <summary>
/// Migrates manifests from one mesh to another and says what it did: import, validate, translate, re-import what was written
/// and compare the behaviour of every rule (<see cref="MeshBehaviour"/>). The <see cref="MigrationPlan"/> classifies every
/// source field and model feature not carried exactly (lost or approximated, with why), every rule (kept or changed), and
/// lists the source and target objects. <c>mesh migrate --report plan.md|plan.json</c> writes it.
/// </summary>
public static partial class MigrationPlanner
{
    /// <summary>Plans (and performs, in memory) the migration of <paramref name="sources"/> from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="sources">The source manifests (YAML streams).</param>
    /// <param name="from">The source mesh's translator.</param>
    /// <param name="to">The target mesh's translator.</param>
    /// <param name="options">Strictness, Services written, whether behaviour changes stop the migration.</param>
    /// <returns>The plan; <see cref="MigrationPlan.Translation"/> holds what to apply when <see cref="MigrationPlan.CanMigrate"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static MigrationPlan Plan(IReadOnlyList<SourceText> sources, ITranslator from, ITranslator to, MigrationPlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        options ??= new MigrationPlanOptions();
        var imported = from.ImportYaml(sources, new ImportOptions { Strict = options.Strict });
        var diagnostics = new List<Diagnostic>(imported.Diagnostics);
        var findings = new List<PlanFinding>();
        foreach (var d in imported.Diagnostics)
        {
            if (d.Code == DiagnosticCodes.FieldNotImported || d.Code == DiagnosticCodes.UnknownResourceKind || d.Code == DiagnosticCodes.OutOfScope)
            {
                if (d.Severity == DiagnosticSeverity.Info) continue;
                var (source, path) = SplitSource(d.Path);
                findings.Add(new PlanFinding(PlanStage.Import, PlanOutcome.Lost, source, path, Feature(path), d.Code.Value, d.Message));
            }
        }
        TranslationResult? translated = null;
        IReadOnlyList<BehaviourChange> changes = [];
        var rules = 0;
        if (imported.Config is { } config)
        {
            diagnostics.AddRange(MeshValidator.Validate(config));
            if (!diagnostics.Any(d => d.IsError))
            {
                translated = to.Translate(config, new TranslationOptions { Strict = options.Strict, Services = options.Services, Validate = false });
                diagnostics.AddRange(translated.Diagnostics);
                foreach (var d in translated.Diagnostics)
                {
                    var outcome = d.Code == DiagnosticCodes.Unsupported ? PlanOutcome.Lost
                        : d.Code == DiagnosticCodes.Approximated || d.Code == DiagnosticCodes.WeightsRounded ? PlanOutcome.Approximated
                        : (PlanOutcome?)null;
                    if (outcome is { } o) findings.Add(new PlanFinding(PlanStage.Translate, o, null, d.Path, Feature(d.Path), d.Code.Value, d.Message));
                }
                if (!translated.HasErrors)
                {
                    // The source's Services stand for the cluster's: a target that writes no Service routes to those already there.
                    var before = MeshBehaviour.Of(config, config.Services);
                    rules = before.Rules.Count;
                    changes = Compare(before, config, to, translated, options.AllowLoss, diagnostics);
                    foreach (var change in changes)
                    {
                        var path = change.Before?.Path ?? change.After?.Path ?? "$";
                        findings.Add(new PlanFinding(PlanStage.Behaviour, PlanOutcome.Changed, null, path, Feature(path), DiagnosticCodes.BehaviourChanged.Value, change.Message));
                    }
                }
            }
        }
        return new MigrationPlan
        {
            From = from.Provider,
            To = to.Provider,
            Sources = Provenance(sources, from, new ImportOptions { Strict = options.Strict }, imported.Config),
            Targets = translated is { HasErrors: false } ? [.. Objects(to.WriteYaml(translated.Resources), null).Select(d => d.Object)] : [],
            Findings = findings,
            RuleCount = rules,
            Changes = changes,
            Diagnostics = diagnostics,
            Config = imported.Config,
            Translation = translated,
        };
    }

    /// <summary>
    /// Re-imports what the target wrote and compares its behaviour with the source model's: each changed rule is a MESH2105
    /// error (a warning when <paramref name="allowLoss"/>), naming the target's own diagnostic when the rule uses a feature it
    /// cannot express.
    /// </summary>
    private static IReadOnlyList<BehaviourChange> Compare(MeshBehaviour before, Model.MeshConfig source, ITranslator target, TranslationResult translated, bool allowLoss, List<Diagnostic> diagnostics)
    {
        var back = target.Import(translated.Resources);
        if (back.Config is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BehaviourChanged, "$", $"What {target.Provider} was given does not import back into a model, so its behaviour cannot be checked: {string.Join("; ", back.Diagnostics.Where(d => d.IsError).Take(3).Select(d => $"{d.Code} {d.Path}: {d.Message}"))}") with { Provider = target.Provider });
            return [];
        }
        var changes = before.CompareTo(MeshBehaviour.Of(back.Config, source.Services));
        foreach (var change in changes)
        {
            var path = change.Before?.Path ?? change.After?.Path ?? "$";
            var cause = translated.Diagnostics.FirstOrDefault(d => d.Code == DiagnosticCodes.Unsupported && (d.Path.StartsWith(path, StringComparison.Ordinal) || path.StartsWith(d.Path, StringComparison.Ordinal)));
            var message = cause is null ? change.Message : $"{change.Message} ({target.Provider} cannot express: {cause.Message})";
            diagnostics.Add((allowLoss ? Diagnostic.Warning(DiagnosticCodes.BehaviourChanged, path, message) : Diagnostic.Error(DiagnosticCodes.BehaviourChanged, path, message)) with { Provider = target.Provider });
        }
        return changes;
    }

    /// <summary>An import diagnostic's path <c>file#doc $.spec…</c> as its source document and its path in it.</summary>
    private static (string? Source, string Path) SplitSource(string path)
    {
        var space = path.IndexOf(" $", StringComparison.Ordinal);
        return space > 0 ? (path[..space], path[(space + 1)..]) : (null, path);
    }

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Index();

    /// <summary>A path without indexes and the leading <c>$.</c>: <c>$.spec.routes[1].rules[0].retry</c> → <c>spec.routes.rules.retry</c>.</summary>
    internal static string Feature(string path) => Index().Replace(path, string.Empty).TrimStart('$').TrimStart('.') is { Length: > 0 } f ? f : "(document)";

    /// <summary>Inputs with more documents than this are not traced document by document (each document costs an import of the rest and one of itself); their objects are matched by name.</summary>
    public const int ProvenanceLimit = 250;

    /// <summary>
    /// The source documents, each with the model objects it adds to or changes: the input is imported again without the
    /// document (its lines blanked, its <c>---</c> kept), and every object of <paramref name="model"/> that is missing from that
    /// model or differs there is the document's; so are the objects of <paramref name="model"/> it declares imported alone
    /// (what the rest repeats), but not the services that import infers from its references. A document whose removal leaves no model (the rest refers to it and does not
    /// import) keeps <see cref="PlanObject.ModelObjects"/> null, as do all documents of an input over <see cref="ProvenanceLimit"/>.
    /// </summary>
    private static List<PlanObject> Provenance(IReadOnlyList<SourceText> sources, ITranslator from, ImportOptions options, Model.MeshConfig? model)
    {
        var documents = sources.Select(s => Objects(s.Text, s.Name)).ToList();
        var result = documents.SelectMany(d => d.Select(x => x.Object)).ToList();
        if (model is null || result.Count > ProvenanceLimit) return result;
        // The model itself (mesh/<name>) is not any one document's.
        var whole = Named(model);
        result.Clear();
        for (var f = 0; f < sources.Count; f++)
        {
            var lines = sources[f].Text.Split('\n');
            for (var i = 0; i < documents[f].Count; i++)
            {
                var (document, start) = documents[f][i];
                var end = i + 1 < documents[f].Count ? documents[f][i + 1].Line - 1 : lines.Length;
                var without = (string[])lines.Clone();
                for (var l = Math.Max(start, 1) - 1; l < Math.Min(end, lines.Length); l++)
                {
                    var trimmed = without[l].TrimStart();
                    if (!trimmed.StartsWith("---", StringComparison.Ordinal) && !trimmed.StartsWith("...", StringComparison.Ordinal)) without[l] = string.Empty;
                }
                var rest = sources.Select((s, k) => k == f ? new SourceText(s.Name, string.Join('\n', without)) : s).ToList();
                if (from.ImportYaml(rest, options).Config is not { } other)
                {
                    result.Add(document);
                    continue;
                }
                var remaining = Named(other);
                var parts = whole.Where(w => !remaining.TryGetValue(w.Key, out var items) || !items.SequenceEqual(w.Value)).Select(w => w.Key).ToList();
                // What the rest repeats (a Service whose selector and ports the routes imply) is found by importing the
                // document alone: what it declares itself, not what completion infers from its references.
                var alone = from.ImportYaml([new SourceText(sources[f].Name, string.Join('\n', lines.Select((line, l) => l >= Math.Max(start, 1) - 1 && l < end || line.TrimStart().StartsWith("---", StringComparison.Ordinal) ? line : string.Empty)))], options);
                if (alone.Config is { } own)
                {
                    var inferred = Inferred(alone.Diagnostics);
                    parts.AddRange(Named(own).Keys.Where(n => whole.ContainsKey(n) && !inferred.Contains(n) && !parts.Contains(n)));
                }
                result.Add(document with { ModelObjects = parts });
            }
        }
        return result;

        // The services an import declared only because something names them (MESH2206 "Service 'name.ns' is not in the input").
        static HashSet<string> Inferred(IReadOnlyList<Diagnostic> diagnostics)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var d in diagnostics)
            {
                if (d.Code != DiagnosticCodes.ServiceInferred || !d.Message.StartsWith("Service '", StringComparison.Ordinal)) continue;
                var end = d.Message.IndexOf('\'', 9);
                var reference = end < 0 ? string.Empty : d.Message[9..end];
                var dot = reference.IndexOf('.', StringComparison.Ordinal);
                if (dot > 0) names.Add(Model.ModelObjectNames.Of(new Model.ServiceRef(reference[..dot], reference[(dot + 1)..])));
            }
            return names;
        }

        static Dictionary<string, List<object>> Named(Model.MeshConfig config)
        {
            var named = new Dictionary<string, List<object>>(StringComparer.Ordinal);
            foreach (var (name, path, item) in Model.ModelObjectNames.Objects(config))
            {
                if (path == "$") continue;
                if (!named.TryGetValue(name, out var items)) named[name] = items = [];
                items.Add(item);
            }
            return named;
        }
    }

    /// <summary>
    /// The Kubernetes objects of a YAML stream (kind, metadata and the model objects its <c>mesh-sdk.io/source</c> annotation
    /// names), named <c>file#doc</c> when <paramref name="source"/> is given, each with the line its document starts on.
    /// </summary>
    private static List<(PlanObject Object, int Line)> Objects(string text, string? source)
    {
        var roots = YamlStreamReader.Read(text, source, MeshReaderOptions.Default with { AllowAliases = true }, new List<Diagnostic>());
        var objects = new List<(PlanObject, int)>(roots.Count);
        for (var i = 0; i < roots.Count; i++)
        {
            var root = roots[i];
            var metadata = Child(root, "metadata");
            var annotation = metadata is null || Child(metadata, "annotations") is not { } annotations ? null : Child(annotations, Model.ModelObjectNames.SourceAnnotation);
            objects.Add((new PlanObject(
                Child(root, "kind")?.Value ?? "(no kind)",
                metadata is null ? null : Child(metadata, "namespace")?.Value,
                metadata is null ? null : Child(metadata, "name")?.Value,
                source is null ? null : $"{source}#{i}")
            {
                ModelObjects = source is null && annotation is not null ? Model.ModelObjectNames.Split(annotation.Value) : null,
            }, root.Line));
        }
        return objects;
    }

    private static YamlNode? Child(YamlNode node, string key)
    {
        if (node.Kind != YamlNodeKind.Mapping) return null;
        for (var i = 0; i + 1 < node.Children.Count; i += 2)
        {
            if (node.Children[i].Value == key) return node.Children[i + 1];
        }
        return null;
    }
}

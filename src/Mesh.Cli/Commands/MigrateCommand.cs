using System.CommandLine;
using Mesh.Analysis;
using Mesh.Cli.Output;
using Mesh.Diagnostics;
using Mesh.Translation;
using Mesh.Validation;

namespace Mesh.Cli.Commands;

/// <summary>
/// <c>mesh migrate &lt;manifest.yaml&gt;... --from p1 --to p2</c>: import, validate, translate, re-import what was written and
/// compare the behaviour of both models (<see cref="MeshBehaviour"/>): every rule whose traffic reaches other workloads or
/// other shares is an error (MESH2105) unless <c>--allow-loss</c>, and the loss report lists those rules apart from the
/// features the target cannot express.
/// </summary>
internal static class MigrateCommand
{
    public static Command Create(CliContext context)
    {
        var manifests = new Argument<string[]>("manifests") { Description = "Source provider manifest files.", Arity = ArgumentArity.OneOrMore };
        var from = new Option<string>("--from") { Description = "The provider the manifests are written for.", Required = true };
        var to = new Option<string>("--to") { Description = "The target provider.", Required = true };
        var output = CommonOptions.Output();
        var strict = CommonOptions.Strict();
        var services = CommonOptions.Services();
        var format = CommonOptions.Format();
        var allowLoss = new Option<bool>("--allow-loss") { Description = "Write the output even when rules' traffic changes (behaviour changes become warnings)." };
        var command = new Command("migrate", "Move a configuration from one mesh to another, checking that every rule sends the same traffic to the same workloads, with a report of everything that does not carry over.") { manifests, from, to, output, strict, services, format, allowLoss };
        command.SetAction(parse =>
        {
            if (!context.TryGetTranslator(parse.GetValue(from), out var source)) return ExitCodes.Usage;
            if (!context.TryGetTranslator(parse.GetValue(to), out var target)) return ExitCodes.Usage;
            var isStrict = parse.GetValue(strict);
            var imported = ManifestReader.Import(source, parse.GetValue(manifests)!, context, isStrict);
            if (imported is null) return ExitCodes.Usage;

            var diagnostics = new List<Diagnostic>(imported.Diagnostics);
            TranslationResult? translated = null;
            IReadOnlyList<BehaviourChange>? changes = null;
            var rules = 0;
            if (imported.Config is not null)
            {
                diagnostics.AddRange(MeshValidator.Validate(imported.Config));
                if (!diagnostics.Any(d => d.IsError))
                {
                    translated = target.Translate(imported.Config, new TranslationOptions { Strict = isStrict, Services = parse.GetValue(services), Validate = false });
                    diagnostics.AddRange(translated.Diagnostics);
                    if (!translated.HasErrors)
                    {
                        // The source's Services stand for the cluster's: a target that writes no Service (Istio by default)
                        // routes to the Services already there.
                        var before = MeshBehaviour.Of(imported.Config, imported.Config.Services);
                        rules = before.Rules.Count;
                        changes = Compare(before, imported.Config, target, translated, parse.GetValue(allowLoss), diagnostics);
                    }
                }
            }
            DiagnosticWriter.Write(context, diagnostics, parse.GetValue(format));
            WriteLossReport(context.Stderr, source.Provider, target.Provider, imported.Diagnostics, translated?.Diagnostics ?? [], rules, changes);
            if (translated is null || diagnostics.Any(d => d.IsError)) return ExitCodes.Errors;

            ResultWriter.Write(context.Stdout, parse.GetValue(output), $"{imported.Config!.Name}.{target.Provider}.yaml", target.WriteYaml(translated.Resources));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// Re-imports what the target translator wrote and compares its behaviour with the source model's: each changed rule is a
    /// MESH2105 error (a warning with <c>--allow-loss</c>), naming the target's own diagnostic when the rule uses a feature
    /// the target cannot express.
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

    private static void WriteLossReport(TextWriter stderr, ProviderName from, ProviderName to, IReadOnlyList<Diagnostic> import, IReadOnlyList<Diagnostic> translate, int rules, IReadOnlyList<BehaviourChange>? changes)
    {
        var notImported = import.Count(d => d.Code == DiagnosticCodes.FieldNotImported || d.Code == DiagnosticCodes.UnknownResourceKind || d.Code == DiagnosticCodes.OutOfScope);
        var notExpressed = translate.Count(d => d.Code == DiagnosticCodes.Unsupported);
        var approximated = translate.Count(d => d.Code == DiagnosticCodes.Approximated || d.Code == DiagnosticCodes.WeightsRounded);
        stderr.WriteLine($"loss report: {notImported} input field(s) or resource(s) of {from} not carried over; {notExpressed} feature(s) {to} cannot express; {approximated} approximated.");
        if (changes is null) return;
        stderr.WriteLine(changes.Count == 0
            ? $"behaviour: all {rules} rule(s) send the same traffic to the same workloads on {to}."
            : $"behaviour: {changes.Count} rule(s) of {rules} change their traffic on {to}:");
        foreach (var change in changes) stderr.WriteLine($"  {change.Message}");
    }
}

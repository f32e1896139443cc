using System.CommandLine;
using Mesh.Cli.Output;
using Mesh.Diagnostics;
using Mesh.Translation;
using Mesh.Validation;

namespace Mesh.Cli.Commands;

/// <summary><c>mesh migrate &lt;manifest.yaml&gt;... --from p1 --to p2</c>: import, validate, translate, and report what was lost on the way.</summary>
internal static class MigrateCommand
{
    public static Command Create(CliContext context)
    {
        var manifests = new Argument<string[]>("manifests") { Description = "Source provider manifest files.", Arity = ArgumentArity.OneOrMore };
        var from = new Option<string>("--from") { Description = "The provider the manifests are written for.", Required = true };
        var to = new Option<string>("--to") { Description = "The target provider.", Required = true };
        var output = CommonOptions.Output();
        var strict = CommonOptions.Strict();
        var format = CommonOptions.Format();
        var command = new Command("migrate", "Move a configuration from one mesh to another, with a report of everything that does not carry over.") { manifests, from, to, output, strict, format };
        command.SetAction(parse =>
        {
            if (!context.TryGetTranslator(parse.GetValue(from), out var source)) return ExitCodes.Usage;
            if (!context.TryGetTranslator(parse.GetValue(to), out var target)) return ExitCodes.Usage;
            var isStrict = parse.GetValue(strict);
            var imported = ManifestReader.Import(source, parse.GetValue(manifests)!, context.Stderr, isStrict);
            if (imported is null) return ExitCodes.Usage;

            var diagnostics = new List<Diagnostic>(imported.Diagnostics);
            TranslationResult? translated = null;
            if (imported.Config is not null)
            {
                diagnostics.AddRange(MeshValidator.Validate(imported.Config));
                if (!diagnostics.Any(d => d.IsError))
                {
                    translated = target.Translate(imported.Config, new TranslationOptions { Strict = isStrict });
                    diagnostics.AddRange(translated.Diagnostics);
                }
            }
            DiagnosticWriter.Write(context.Stderr, diagnostics, parse.GetValue(format));
            WriteLossReport(context.Stderr, source.Provider, target.Provider, imported.Diagnostics, translated?.Diagnostics ?? []);
            if (translated is null || translated.HasErrors) return ExitCodes.Errors;

            ResultWriter.Write(context.Stdout, parse.GetValue(output), $"{imported.Config!.Name}.{target.Provider}.yaml", target.WriteYaml(translated.Resources));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteLossReport(TextWriter stderr, ProviderName from, ProviderName to, IReadOnlyList<Diagnostic> import, IReadOnlyList<Diagnostic> translate)
    {
        var notImported = import.Count(d => d.Code == DiagnosticCodes.FieldNotImported || d.Code == DiagnosticCodes.UnknownResourceKind || d.Code == DiagnosticCodes.OutOfScope);
        var notExpressed = translate.Count(d => d.Code == DiagnosticCodes.Unsupported);
        var approximated = translate.Count(d => d.Code == DiagnosticCodes.Approximated || d.Code == DiagnosticCodes.WeightsRounded);
        stderr.WriteLine($"loss report: {notImported} input field(s) or resource(s) of {from} not carried over; {notExpressed} feature(s) {to} cannot express; {approximated} approximated.");
    }
}

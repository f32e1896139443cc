using System.CommandLine;
using Mesh.Cli.Output;
using Mesh.Compliance;
using Mesh.Diagnostics;

namespace Mesh.Cli.Commands;

/// <summary>
/// <c>mesh check &lt;model-or-manifests…&gt; [--from p] [--rules rules.yaml] [--format text|json|sarif]</c>: the model (or the
/// manifests, imported first) checked against the built-in pack and the rules document (<see cref="ComplianceChecker"/>).
/// Violations go to stdout; import diagnostics and the rules' problems to stderr (in SARIF, the problems are notifications of
/// the log). Exit 1 when an error-severity rule is violated or a rule could not be checked, 2 for usage errors.
/// </summary>
internal static class CheckCommand
{
    /// <summary>How <c>mesh check</c> writes its result.</summary>
    internal enum CheckFormat
    {
        /// <summary>One line a violation, then a count.</summary>
        Text,

        /// <summary>One JSON object: violations and diagnostics.</summary>
        Json,

        /// <summary>A SARIF 2.1.0 log, for code-scanning UIs.</summary>
        Sarif,
    }

    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "A mesh model (YAML or JSON), or with --from the provider manifest files.", Arity = ArgumentArity.OneOrMore };
        var from = new Option<string?>("--from") { Description = "Read provider manifests of this provider (imported first) instead of a model." };
        var rulesOption = new Option<string?>("--rules") { Description = "A rules document (kind: MeshRules): re-configures the built-in pack and adds rules. Without it, the built-in pack." };
        var format = CommonOptions.Named(new Option<CheckFormat>("--format")
        {
            Description = "How the result is written: text, json, or sarif (SARIF 2.1.0 for code-scanning UIs).",
            DefaultValueFactory = _ => CheckFormat.Text,
        });
        var command = new Command("check", "Check a mesh against compliance rules — strict mTLS, timeouts, bounded retries, outlier detection, egress, authorization, mirrors, and rules of your own (CEL) — whatever mesh it is written for.") { inputs, from, rulesOption, format };
        command.SetAction(parse =>
        {
            var checkFormat = parse.GetValue(format);
            var diagnosticFormat = checkFormat == CheckFormat.Json ? OutputFormat.Json : OutputFormat.Text;
            MeshRulesReadResult? read = null;
            if (parse.GetValue(rulesOption) is { } rulesFile)
            {
                if (!File.Exists(rulesFile))
                {
                    context.Stderr.WriteLine($"error: file not found: {rulesFile}");
                    return ExitCodes.Usage;
                }
                read = MeshRulesYaml.Read(File.ReadAllText(rulesFile), Path.GetFileName(rulesFile));
                if (read.Rules is null)
                {
                    DiagnosticWriter.Write(context, read.Diagnostics, diagnosticFormat);
                    return ExitCodes.Errors;
                }
            }
            var source = ModelSource.Load(parse.GetValue(inputs)!, parse.GetValue(from), "check", context, diagnosticFormat);
            if (source.Config is null) return source.Exit;
            if (source.Diagnostics.Count > 0) DiagnosticWriter.Write(context, source.Diagnostics, diagnosticFormat);
            var result = ComplianceChecker.Check(source.Config, read?.Rules);
            var manifests = source.Manifests is { } texts ? new ManifestObjects(texts) : null;
            var violations = result.Violations.Select(v => Locate(v, source, manifests)).ToList();
            var exempted = result.Exempted.Select(v => Locate(v, source, manifests)).ToList();
            var problems = read is null ? result.Diagnostics : [.. result.Diagnostics.Select(read.Locate)];
            switch (checkFormat)
            {
                case CheckFormat.Sarif:
                    ComplianceWriter.Sarif(context.Stdout, result, [.. violations, .. exempted], problems);
                    break;
                case CheckFormat.Json:
                    ComplianceWriter.Json(context.Stdout, violations, problems, exempted);
                    break;
                default:
                    DiagnosticWriter.Write(context, problems, OutputFormat.Text);
                    ComplianceWriter.Text(context.Stdout, violations, context.Colour, exempted.Count);
                    break;
            }
            return result.HasErrors ? ExitCodes.Errors : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Where the violation's object was written: the model file's line, or the manifest object it most likely came from.</summary>
    private static ComplianceViolation Locate(ComplianceViolation violation, ModelSource source, ManifestObjects? manifests)
    {
        if (manifests is not null)
        {
            return manifests.Find(violation) is { } found
                ? violation with { Location = found.Location, Source = $"{found.Kind} {(found.Namespace is null ? string.Empty : found.Namespace + "/")}{found.Name} in {found.Source}" }
                : violation;
        }
        var located = source.Locate(Diagnostic.Info(ComplianceDiagnosticCodes.InvalidRule, violation.Path, string.Empty));
        return located.Location is null ? violation : violation with { Location = located.Location };
    }
}

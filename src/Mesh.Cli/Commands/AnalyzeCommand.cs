using System.CommandLine;
using Mesh.Analysis;
using Mesh.Cli.Output;
using Mesh.Diagnostics;

namespace Mesh.Cli.Commands;

/// <summary>
/// <c>mesh analyze &lt;model.yaml&gt;</c> or <c>mesh analyze &lt;manifest.yaml&gt;... --from p</c>: validation and static analysis
/// (<see cref="MeshAnalyzer"/>). The findings are the command's output (stdout); import diagnostics go to stderr. Exit 1 when a
/// finding is at or above <c>--fail-on</c> (errors by default; the analysis findings are warnings).
/// </summary>
internal static class AnalyzeCommand
{
    /// <summary>The least severity that fails the command.</summary>
    internal enum FailOn
    {
        /// <summary>Only errors (the validator's) fail.</summary>
        Error,

        /// <summary>Any warning fails too: every analysis finding.</summary>
        Warning,
    }

    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "A mesh model (YAML or JSON), or with --from the provider manifest files.", Arity = ArgumentArity.OneOrMore };
        var from = new Option<string?>("--from") { Description = "Read provider manifests of this provider (imported first) instead of a model." };
        var format = CommonOptions.Format();
        var failOn = CommonOptions.Named(new Option<FailOn>("--fail-on")
        {
            Description = "The least severity that makes the exit code 1: error, or warning (every analysis finding).",
            DefaultValueFactory = _ => FailOn.Error,
        });
        var command = new Command("analyze", "Find what a mesh would accept but that does not do what it says: shadowed rules, overlapping splits, cancelled allows, retries beyond the timeout, and more.") { inputs, from, format, failOn };
        command.SetAction(parse =>
        {
            var outputFormat = parse.GetValue(format);
            var source = ModelSource.Load(parse.GetValue(inputs)!, parse.GetValue(from), "analyze", context, outputFormat);
            if (source.Config is null) return source.Exit;
            IReadOnlyList<Diagnostic> findings = [.. source.Diagnostics, .. MeshAnalyzer.Analyze(source.Config).Select(source.Locate)];
            DiagnosticWriter.Write(context.Stdout, findings, outputFormat, context.Colour);
            var errors = findings.Count(d => d.IsError);
            var warnings = findings.Count(d => d.Severity == DiagnosticSeverity.Warning);
            if (outputFormat == OutputFormat.Text) context.Stdout.WriteLine($"{errors} error(s), {warnings} warning(s), {findings.Count - errors - warnings} note(s).");
            var threshold = parse.GetValue(failOn) == FailOn.Warning ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error;
            return findings.Any(d => d.Severity >= threshold) ? ExitCodes.Errors : ExitCodes.Ok;
        });
        return command;
    }
}

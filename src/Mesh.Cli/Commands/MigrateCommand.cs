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
        var report = new Option<string?>("--report") { Description = "Also write the migration plan to this file: Markdown, or JSON when it ends in .json (what is carried, approximated and lost, per object and feature, and every rule's behaviour); written even when the migration stops." };
        var gatewayClass = CommonOptions.GatewayClass();
        var command = new Command("migrate", "Move a configuration from one mesh to another, checking that every rule sends the same traffic to the same workloads, with a report of everything that does not carry over.") { manifests, from, to, output, strict, services, format, allowLoss, report, gatewayClass };
        command.SetAction(parse =>
        {
            if (!context.TryGetTranslator(parse.GetValue(from), out var source)) return ExitCodes.Usage;
            if (!context.TryGetTranslator(parse.GetValue(to), out var target)) return ExitCodes.Usage;
            target = CommonOptions.WithGatewayClass(target, parse.GetValue(gatewayClass));
            if (ManifestReader.Read(parse.GetValue(manifests)!, context) is not { } sources) return ExitCodes.Usage;
            var plan = MigrationPlanner.Plan(sources, source, target, new MigrationPlanOptions
            {
                Strict = parse.GetValue(strict),
                Services = parse.GetValue(services),
                AllowLoss = parse.GetValue(allowLoss),
            });
            DiagnosticWriter.Write(context, plan.Diagnostics, parse.GetValue(format));
            WriteLossReport(context.Stderr, plan);
            if (parse.GetValue(report) is { } reportPath)
            {
                var json = reportPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
                ResultWriter.Write(context.Stdout, reportPath, $"{plan.Config?.Name ?? "migration"}.{target.Provider}.plan.{(json ? "json" : "md")}", json ? plan.ToJson() : plan.ToMarkdown());
            }
            if (!plan.CanMigrate) return ExitCodes.Errors;

            ResultWriter.Write(context.Stdout, parse.GetValue(output), $"{plan.Config!.Name}.{target.Provider}.yaml", target.WriteYaml(plan.Translation!.Resources));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteLossReport(TextWriter stderr, MigrationPlan plan)
    {
        var notImported = plan.Findings.Count(f => f.Stage == PlanStage.Import);
        var notExpressed = plan.Findings.Count(f => f.Stage == PlanStage.Translate && f.Outcome == PlanOutcome.Lost);
        var approximated = plan.Findings.Count(f => f.Outcome == PlanOutcome.Approximated);
        stderr.WriteLine($"loss report: {notImported} input field(s) or resource(s) of {plan.From} not carried over; {notExpressed} feature(s) {plan.To} cannot express; {approximated} approximated.");
        if (plan.Translation is not { HasErrors: false }) return;
        stderr.WriteLine(plan.Changes.Count == 0
            ? $"behaviour: all {plan.RuleCount} rule(s) send the same traffic to the same workloads on {plan.To}."
            : $"behaviour: {plan.Changes.Count} rule(s) of {plan.RuleCount} change their traffic on {plan.To}:");
        foreach (var change in plan.Changes) stderr.WriteLine($"  {change.Message}");
    }
}

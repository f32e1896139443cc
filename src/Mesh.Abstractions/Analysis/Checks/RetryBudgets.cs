using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Analysis.Checks;

/// <summary>
/// Retries that cannot all run: the first try and <c>attempts</c> retries of up to <c>perTryTimeout</c> each take longer than
/// the rule's timeout, which cuts the last of them off. A per-try timeout longer than the timeout itself is the validator's
/// (MESH2009).
/// </summary>
internal static class RetryBudgets
{
    public static void Check(AnalysisContext ctx)
    {
        foreach (var (r, route) in AnalysisContext.Items(ctx.Config.Routes))
        {
            foreach (var (k, rule) in AnalysisContext.Items(route.Rules))
            {
                if (rule is not { Timeout: { } timeout, Retry: { Attempts: > 0, PerTryTimeout: { } perTry } retry } || perTry > timeout) continue;
                var total = perTry * (retry.Attempts + 1);
                if (total <= timeout) continue;
                var fit = Math.Max(0, (int)(timeout.Ticks / perTry.Ticks) - 1);
                ctx.Warning(
                    DiagnosticCodes.RetriesExceedTimeout,
                    $"$.spec.routes[{r}].rules[{k}].retry",
                    $"The first try and {retry.Attempts} retries of up to {Duration(perTry)} each need up to {Duration(total)}, more than the rule's timeout of {Duration(timeout)} " +
                    $"($.spec.routes[{r}].rules[{k}].timeout): only {fit} retr{(fit == 1 ? "y" : "ies")} can run in full. Lower the attempts or the per-try timeout, or raise the timeout.");
            }
        }
    }

    private static string Duration(TimeSpan t) => Mesh.Serialization.MeshDuration.Format(t);
}

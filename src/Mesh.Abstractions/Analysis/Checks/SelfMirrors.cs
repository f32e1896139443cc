using Mesh.Diagnostics;

namespace Mesh.Analysis.Checks;

/// <summary>A rule that mirrors to pods it also routes to: they get each mirrored request twice (once as the copy).</summary>
internal static class SelfMirrors
{
    public static void Check(AnalysisContext ctx)
    {
        foreach (var (r, route) in AnalysisContext.Items(ctx.Config.Routes))
        {
            foreach (var (k, rule) in AnalysisContext.Items(route.Rules))
            {
                if (rule.Mirror is not { } mirror || ctx.Workload(mirror.Service, mirror.Subset) is not { } mirrored) continue;
                foreach (var (b, backend) in AnalysisContext.Items(rule.Backends))
                {
                    if (backend.Weight <= 0 || ctx.Workload(backend.Service, backend.Subset) is not { } routed || !WorkloadOverlap.CanOverlap(mirrored, routed)) continue;
                    var path = $"$.spec.routes[{r}].rules[{k}]";
                    ctx.Warning(
                        DiagnosticCodes.MirrorToRoutedBackend,
                        $"{path}.mirror",
                        $"The mirror reaches pods ({mirrored}) this rule also routes to ({path}.backends[{b}], {OverlappingSplits.Describe(backend)}: {routed}): they get mirrored requests as well as the real ones. Mirror to other pods (a canary subset).");
                    break;
                }
            }
        }
    }
}

using Mesh.Collections;
using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Analysis.Checks;

/// <summary>
/// A weighted split whose backends can reach the same pods: a subset and the whole service (<c>{app: reviews}</c> holds every
/// <c>version: v1</c> pod), two services selecting the same pods, or one backend listed twice. Pods in both get traffic from
/// both shares, so the split the weights describe is not the one that happens. Backends on different ports are separate.
/// </summary>
internal static class OverlappingSplits
{
    public static void Check(AnalysisContext ctx)
    {
        foreach (var (r, route) in AnalysisContext.Items(ctx.Config.Routes))
        {
            foreach (var (k, rule) in AnalysisContext.Items(route.Rules))
            {
                Split(ctx, rule.Backends, $"$.spec.routes[{r}].rules[{k}]");
            }
        }
        foreach (var (r, route) in AnalysisContext.Items(ctx.Config.TcpRoutes))
        {
            Split(ctx, route.Backends, $"$.spec.tcpRoutes[{r}]");
        }
    }

    private static void Split(AnalysisContext ctx, EquatableArray<WeightedBackend> backends, string path)
    {
        var weighted = AnalysisContext.Items(backends).Where(b => b.Item.Weight > 0).ToList();
        if (weighted.Count < 2) return;
        for (var j = 1; j < weighted.Count; j++)
        {
            var (bj, later) = weighted[j];
            if (ctx.Workload(later.Service, later.Subset) is not { } laterPods) continue;
            for (var i = 0; i < j; i++)
            {
                var (bi, earlier) = weighted[i];
                if (earlier.Port is { } p1 && later.Port is { } p2 && p1 != p2) continue;
                if (ctx.Workload(earlier.Service, earlier.Subset) is not { } earlierPods || !WorkloadOverlap.CanOverlap(earlierPods, laterPods)) continue;
                var what = earlier.Service == later.Service && earlier.Subset == later.Subset
                    ? $"backend {bi} is listed again"
                    : earlierPods == laterPods
                        ? $"backends {bi} ({Describe(earlier)}) and {bj} ({Describe(later)}) select the same pods ({laterPods})"
                        : $"backends {bi} ({Describe(earlier)}: {earlierPods}) and {bj} ({Describe(later)}: {laterPods}) can reach the same pods";
                ctx.Warning(
                    DiagnosticCodes.OverlappingSplit,
                    $"{path}.backends[{bj}]",
                    $"In this split {what}: pods selected by both get traffic from both shares, so the traffic does not follow the weights ({path}.backends[{bi}]). Give each backend its own pods.");
                break;
            }
        }
    }

    internal static string Describe(WeightedBackend b) => b.Subset is null ? $"{b.Service}" : $"{b.Service} subset {b.Subset}";
}

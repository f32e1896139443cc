using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Validation.Validators;

/// <summary>Validates an <see cref="HttpRoute"/>: names, the host it routes, and rules that can never match.</summary>
internal sealed class HttpRouteValidator : ModelValidator<HttpRoute>
{
    public static readonly HttpRouteValidator Instance = new();

    private HttpRouteValidator() => Each(x => x.Rules, HttpRouteRuleValidator.Instance);

    protected override void Check(HttpRoute item, Reporter report)
    {
        report.DnsLabel(nameof(HttpRoute.Name), item.Name, "The route name");
        report.DnsLabel(nameof(HttpRoute.Namespace), item.Namespace, "The route namespace");
        report.Reference("", item.Host, null, null, "route host", nameof(HttpRoute.Host));
        report.NoNullItems(nameof(HttpRoute.Rules), item.Rules, "A rule");
        Unreachable(item, report);
    }

    /// <summary>A rule after a catch-all rule, or with the same match set as an earlier rule, never matches.</summary>
    private static void Unreachable(HttpRoute route, Reporter report)
    {
        var seen = new List<HashSet<HttpMatch>>();
        var catchAll = -1;
        for (var i = 0; i < route.Rules.Count; i++)
        {
            var rule = route.Rules[i];
            if (rule is null) continue;
            var matches = new HashSet<HttpMatch>(rule.Matches.Where(m => m is not null));
            if (catchAll >= 0)
            {
                report.Warning($"Rules[{i}]", DiagnosticCodes.ConflictingRoutes, $"This rule is unreachable: rule {catchAll} before it matches every request.");
            }
            else
            {
                var earlier = seen.FindIndex(s => s.SetEquals(matches));
                if (earlier >= 0)
                {
                    report.Warning($"Rules[{i}].Matches", DiagnosticCodes.ConflictingRoutes, $"This rule is unreachable: rule {earlier} has the same matches.");
                }
            }
            seen.Add(matches);
            if (catchAll < 0 && (matches.Count == 0 || matches.Any(IsCatchAll))) catchAll = i;
        }
    }

    private static bool IsCatchAll(HttpMatch m) => m.Path is null && m.Headers.IsEmpty && m.QueryParams.IsEmpty && m.Method is null;
}

using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Analysis.Checks;

/// <summary>
/// A rule that never matches because every match of it is also a match of an earlier, broader rule of the same route
/// (<c>prefix: /api</c> before <c>prefix: /api/v1</c>). Rules after a catch-all and rules repeating an earlier match set are
/// the validator's (MESH2012): they are left to it.
/// </summary>
internal static class ShadowedRules
{
    public static void Check(AnalysisContext ctx)
    {
        foreach (var (r, route) in AnalysisContext.Items(ctx.Config.Routes))
        {
            var earlier = new List<(int Index, HttpMatch Match)>();
            var seenSets = new List<HashSet<HttpMatch>>();
            var afterCatchAll = false;
            foreach (var (k, rule) in AnalysisContext.Items(route.Rules))
            {
                var matches = rule.Matches.Where(m => m is not null).ToList();
                var set = matches.ToHashSet();
                // The validator reports these two; a broader-match shadow is what it does not see.
                var validatorSees = afterCatchAll || seenSets.Exists(s => s.SetEquals(set));
                if (!validatorSees && matches.Count > 0 && earlier.Count > 0)
                {
                    var covering = new List<(int Rule, HttpMatch By, HttpMatch Match)>();
                    foreach (var match in matches)
                    {
                        var by = earlier.FindIndex(e => MatchCover.Covers(e.Match, match));
                        if (by < 0)
                        {
                            covering.Clear();
                            break;
                        }
                        covering.Add((earlier[by].Index, earlier[by].Match, match));
                    }
                    if (covering.Count > 0)
                    {
                        var first = covering[0];
                        var rules = string.Join(", ", covering.Select(c => c.Rule).Distinct());
                        ctx.Warning(
                            DiagnosticCodes.ShadowedRule,
                            $"$.spec.routes[{r}].rules[{k}]",
                            $"Rule {k} of route '{route.Namespace}/{route.Name}' never matches: every match of it is also a match of an earlier rule ({rules}) — " +
                            $"rule {first.Rule}'s {MatchText.Of(first.By)} covers {MatchText.Of(first.Match)} ($.spec.routes[{r}].rules[{first.Rule}]). Put the narrower rule first.");
                    }
                }
                seenSets.Add(set);
                if (matches.Count == 0 || matches.Exists(MatchCover.IsEverything)) afterCatchAll = true;
                foreach (var match in matches) earlier.Add((k, match));
            }
        }
    }
}

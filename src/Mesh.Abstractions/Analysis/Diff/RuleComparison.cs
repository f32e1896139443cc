using Mesh.Model;
using Mesh.Serialization;

namespace Mesh.Analysis;

/// <summary>
/// Compares the routing of two models through the behaviour evaluator: rules are paired by their
/// <see cref="RuleBehaviour.Key"/> (host, port, canonical matches), their traffic compared as workload shares
/// (<see cref="MeshBehaviour.CompareTo"/>), and the rest of a paired HTTP rule (timeout, retry, fault, rewrite, headers, CORS)
/// field by field in normal form.
/// </summary>
internal static class RuleComparison
{
    public static void Compare(MeshConfig desired, MeshConfig live, List<MeshChange> changes)
    {
        var before = MeshBehaviour.Of(desired);
        var after = MeshBehaviour.Of(live);
        var changed = new Dictionary<string, BehaviourChange>(StringComparer.Ordinal);
        foreach (var change in before.CompareTo(after))
        {
            if (change.Before is { } rule) changed[rule.Key] = change;
        }
        var pairs = before.Rules.Where(r => after.Find(r.Key) is not null).Select(r => (r, after.Find(r.Key)!)).ToList();
        var reordered = BehaviourComparison.Reordered(pairs, after);
        var desiredRules = RulesByPath(desired);
        var liveRules = RulesByPath(live);

        foreach (var rule in before.Rules)
        {
            var sink = new ChangeSink(changes, Kind(rule), rule.Title);
            if (after.Find(rule.Key) is not { } paired)
            {
                sink.Removed(rule.Path, rule.Summary);
                continue;
            }
            if (changed.ContainsKey(rule.Key)) Traffic(rule, paired, reordered.GetValueOrDefault(rule.Key), sink);
            if (desiredRules.TryGetValue(rule.Path, out var d) && liveRules.TryGetValue(paired.Path, out var l)) Policies(d, l, rule.Path, paired.Path, sink);
        }
        foreach (var rule in after.Rules)
        {
            if (before.Find(rule.Key) is null) new ChangeSink(changes, Kind(rule), rule.Title).Added(rule.Path, rule.Summary);
        }
    }

    private static MeshObjectKind Kind(RuleBehaviour rule) => rule.Kind == RuleKind.Tcp ? MeshObjectKind.TcpRoute : MeshObjectKind.RouteRule;

    /// <summary>What moved: the destinations (or redirect), the mirrors, or the rule's place among the rules of its host.</summary>
    private static void Traffic(RuleBehaviour before, RuleBehaviour after, RuleBehaviour? overtaken, ChangeSink sink)
    {
        if (before.Outcome != after.Outcome || before.Redirect != after.Redirect || before.Destinations != after.Destinations)
        {
            var field = before.Outcome == RuleOutcome.Redirect && after.Outcome == RuleOutcome.Redirect ? ".redirect" : ".backends";
            sink.Changed(before.Path + field, after.Path + field, Outcome(before), Outcome(after));
        }
        if (before.Mirrors != after.Mirrors)
        {
            sink.Changed(before.Path + ".mirror", after.Path + ".mirror", Mirrors(before), Mirrors(after));
        }
        if (overtaken is not null)
        {
            // The first matching rule wins: this rule now takes requests before a rule that took them first.
            sink.Changed(before.Path, after.Path, $"after rule [{overtaken.MatchText}]", $"before rule [{overtaken.MatchText}]");
        }
    }

    private static string Outcome(RuleBehaviour rule) => rule.Outcome switch
    {
        RuleOutcome.Forward => string.Join(", ", rule.Destinations),
        RuleOutcome.Redirect => RuleBehaviour.Describe(rule.Redirect),
        _ => "no destination",
    };

    private static string Mirrors(RuleBehaviour rule) => rule.Mirrors.IsEmpty ? "no mirror" : string.Join(", ", rule.Mirrors);

    /// <summary>What a paired HTTP rule does besides routing, compared in normal form: timeout, retry, fault, rewrite, headers, CORS.</summary>
    private static void Policies(HttpRouteRule desired, HttpRouteRule live, string dPath, string lPath, ChangeSink sink) =>
        TreeDiff.Compare(Tree(desired), Tree(live), dPath, lPath, sink);

    private static WriteMapping Tree(HttpRouteRule rule) =>
        TreeDiff.Without(MeshConfigWriter.Rule(Normalizer.Rule(rule)), "matches", "backends", "mirror", "redirect");

    /// <summary>The HTTP rules of a model by the path <see cref="MeshBehaviour"/> gives them.</summary>
    private static Dictionary<string, HttpRouteRule> RulesByPath(MeshConfig config)
    {
        var rules = new Dictionary<string, HttpRouteRule>(StringComparer.Ordinal);
        for (var i = 0; i < config.Routes.Count; i++)
        {
            if (config.Routes[i] is not { } route) continue;
            for (var j = 0; j < route.Rules.Count; j++)
            {
                if (route.Rules[j] is { } rule) rules[TreeDiff.Index(TreeDiff.Index("$.spec.routes", i) + ".rules", j)] = rule;
            }
        }
        return rules;
    }
}

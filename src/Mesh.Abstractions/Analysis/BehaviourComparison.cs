using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Analysis;

/// <summary>Computes <see cref="MeshBehaviour.CompareTo"/>: rules paired by key, then compared part by part.</summary>
internal static class BehaviourComparison
{
    public static IReadOnlyList<BehaviourChange> Compare(MeshBehaviour source, MeshBehaviour target)
    {
        var pairs = new List<(RuleBehaviour Before, RuleBehaviour After)>();
        foreach (var rule in source.Rules)
        {
            if (target.Find(rule.Key) is { } paired) pairs.Add((rule, paired));
        }
        var reordered = Reordered(pairs, target);

        var changes = new List<BehaviourChange>();
        foreach (var rule in source.Rules)
        {
            if (target.Find(rule.Key) is not { } after)
            {
                changes.Add(new BehaviourChange(rule, null, $"{rule.Title}: not in the target (it sent {rule.Summary})"));
                continue;
            }
            var differences = Differences(rule, after);
            if (reordered.TryGetValue(rule.Key, out var overtaken))
            {
                differences.Add($"matched after rule [{overtaken.MatchText}] here, before it in the target (the first matching rule wins)");
            }
            if (differences.Count > 0) changes.Add(new BehaviourChange(rule, after, $"{rule.Title}: {string.Join("; ", differences)}"));
        }
        foreach (var rule in target.Rules)
        {
            if (source.Find(rule.Key) is null) changes.Add(new BehaviourChange(null, rule, $"{rule.Title}: only in the target (it sends {rule.Summary})"));
        }
        return changes;
    }

    private static List<string> Differences(RuleBehaviour before, RuleBehaviour after)
    {
        var differences = new List<string>();
        if (before.Outcome != after.Outcome)
        {
            differences.Add($"{Outcome(before)} → {Outcome(after)}");
        }
        else if (before.Outcome == RuleOutcome.Redirect && before.Redirect != after.Redirect)
        {
            differences.Add($"{RuleBehaviour.Describe(before.Redirect)} → {RuleBehaviour.Describe(after.Redirect)}");
        }
        else if (Shares(before.Destinations, after.Destinations, "") is { } moved)
        {
            differences.Add(moved);
        }
        if (Shares(before.Mirrors, after.Mirrors, "mirror ") is { } mirrored) differences.Add(mirrored);
        return differences;
    }

    private static string Outcome(RuleBehaviour rule) => rule.Outcome switch
    {
        RuleOutcome.Forward => string.Join(", ", rule.Destinations),
        RuleOutcome.Redirect => RuleBehaviour.Describe(rule.Redirect),
        _ => "no destination",
    };

    /// <summary>Each destination whose share differs, <c>bookinfo{app=reviews,version=v2} 20% → 0%</c>; null when none does.</summary>
    private static string? Shares(EquatableArray<WorkloadShare> before, EquatableArray<WorkloadShare> after, string prefix)
    {
        if (before == after) return null;
        var was = before.ToDictionary(s => (s.Workload, s.Port), s => s.Share);
        var now = after.ToDictionary(s => (s.Workload, s.Port), s => s.Share);
        var all = MeshBehaviour.Sorted(was.Keys.Concat(now.Keys).Distinct().Select(k => new WorkloadShare(k.Workload, k.Port, Share.Zero)));
        var lines = new List<string>();
        foreach (var destination in all)
        {
            var key = (destination.Workload, destination.Port);
            var from = was.GetValueOrDefault(key);
            var to = now.GetValueOrDefault(key);
            if (from == to) continue;
            var (a, b) = (from.ToString(), to.ToString());
            // Two shares that print alike (33.33% and 3333/10000) are told apart by their fractions.
            if (a == b) (a, b) = ($"{a} ({from.Numerator}/{from.Denominator})", $"{b} ({to.Numerator}/{to.Denominator})");
            lines.Add($"{prefix}{destination.Destination} {a} → {b}");
        }
        return lines.Count == 0 ? null : string.Join(", ", lines);
    }

    /// <summary>
    /// The paired rules that come, among the rules of their host, after a rule here and before its pair in the target: for
    /// each, the last rule (of this model) it overtook.
    /// </summary>
    internal static Dictionary<string, RuleBehaviour> Reordered(List<(RuleBehaviour Before, RuleBehaviour After)> pairs, MeshBehaviour target)
    {
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < target.Rules.Count; i++) position[target.Rules[i].Key] = i;
        var result = new Dictionary<string, RuleBehaviour>(StringComparer.Ordinal);
        foreach (var host in pairs.GroupBy(p => (p.Before.Kind, p.Before.Host, p.Before.Port, p.Before.Gateway, p.Before.Hostname)))
        {
            var earlier = new List<(RuleBehaviour Rule, int TargetPosition)>();
            foreach (var (before, after) in host)
            {
                var at = position[after.Key];
                var overtaken = earlier.LastOrDefault(e => e.TargetPosition > at);
                if (overtaken.Rule is not null) result[before.Key] = overtaken.Rule;
                earlier.Add((before, at));
            }
        }
        return result;
    }
}

using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Analysis.Checks;

/// <summary>
/// Allow rules a deny rule cancels (deny is evaluated first, so a deny that matches every request an allow rule matches
/// leaves it granting nothing), and allow policies that allow nothing: no rules, or every rule cancelled — with no other
/// allow policy, their target then refuses every caller.
/// </summary>
internal static class AccessConflicts
{
    public static void Check(AnalysisContext ctx)
    {
        var policies = AnalysisContext.Items(ctx.Config.AccessPolicies).ToList();
        var denies = policies.Where(p => p.Item.Action == AccessAction.Deny).ToList();
        foreach (var (p, allow) in policies)
        {
            if (allow.Action != AccessAction.Allow) continue;
            var path = $"$.spec.accessPolicies[{p}]";
            var rules = AnalysisContext.Items(allow.Rules).ToList();
            if (rules.Count == 0)
            {
                ctx.Warning(DiagnosticCodes.AllowsNothing, path, $"The allow policy '{allow.Namespace}/{allow.Name}' has no rules, so it allows nothing: {Target(allow)} refuses every caller no other allow policy admits. Add rules, or remove the policy to stop restricting.");
                continue;
            }
            var cancelled = 0;
            string? lastDeny = null;
            foreach (var (k, rule) in rules)
            {
                if (CancelledBy(allow, rule, denies) is not { } deny) continue;
                cancelled++;
                lastDeny = deny;
                ctx.Warning(DiagnosticCodes.AllowCancelled, $"{path}.rules[{k}]", $"This allow rule grants nothing: the deny rule {deny} matches every request it matches, and deny is evaluated first. Narrow the deny, or remove this rule.");
            }
            if (cancelled == rules.Count)
            {
                ctx.Warning(DiagnosticCodes.AllowsNothing, path, $"Every rule of the allow policy '{allow.Namespace}/{allow.Name}' is cancelled by a deny (last: {lastDeny}), so it allows nothing: {Target(allow)} refuses every caller no other allow policy admits.");
            }
        }
    }

    private static string Target(AccessPolicy p) => p.Target is { } t ? $"'{t.Service}'{(t.Subset is null ? string.Empty : $" subset {t.Subset}")}" : $"every workload of namespace '{p.Namespace}'";

    /// <summary>The path of a deny rule that applies wherever <paramref name="allow"/> does and covers <paramref name="rule"/>, or null.</summary>
    private static string? CancelledBy(AccessPolicy allow, AccessRule rule, List<(int Index, AccessPolicy Item)> denies)
    {
        foreach (var (d, deny) in denies)
        {
            if (!AppliesWherever(deny, allow)) continue;
            foreach (var (k, denyRule) in AnalysisContext.Items(deny.Rules))
            {
                if (AccessCover.Covers(denyRule, rule)) return $"$.spec.accessPolicies[{d}].rules[{k}]";
            }
        }
        return null;
    }

    /// <summary>Whether <paramref name="deny"/> protects every workload <paramref name="allow"/> protects.</summary>
    private static bool AppliesWherever(AccessPolicy deny, AccessPolicy allow)
    {
        if (deny.Target is null)
        {
            var allowNamespace = allow.Target is { } t ? t.Service.Namespace : allow.Namespace;
            return deny.Namespace == allowNamespace;
        }
        return allow.Target is { } target && deny.Target.Service == target.Service && (deny.Target.Subset is null || deny.Target.Subset == target.Subset);
    }
}

using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Analysis.Checks;

/// <summary>
/// Access rules that name end users (request principals, <c>request.auth.*</c> conditions) where no request authentication
/// verifies tokens, or only of other issuers: no request carries such a principal, so an allow rule grants nothing by it and
/// a deny rule never denies by it. Silent when a request authentication of the namespace might apply (a namespace-wide
/// policy, a gateway's): the check does not guess which workloads it covers.
/// </summary>
internal static class UnverifiedPrincipals
{
    public static void Check(AnalysisContext ctx)
    {
        var authentications = AnalysisContext.Items(ctx.Config.RequestAuthentications).ToList();
        foreach (var (p, policy) in AnalysisContext.Items(ctx.Config.AccessPolicies))
        {
            if (policy.Action == AccessAction.Audit) continue;
            var applying = authentications.Where(a => Applies(a.Item, policy)).ToList();
            var issuers = applying.SelectMany(a => a.Item.JwtRules).Where(r => r is not null).Select(r => r.Issuer).Distinct(StringComparer.Ordinal).ToList();
            foreach (var (k, rule) in AnalysisContext.Items(policy.Rules))
            {
                var path = $"$.spec.accessPolicies[{p}].rules[{k}]";
                var principals = rule.From?.RequestPrincipals ?? default;
                var tokenConditions = rule.When.Where(c => c?.Key.Attribute is AccessAttribute.RequestPrincipal or AccessAttribute.RequestAudiences or AccessAttribute.RequestPresenter or AccessAttribute.RequestClaim).ToList();
                if (principals.IsEmpty && tokenConditions.Count == 0) continue;
                var effect = policy.Action == AccessAction.Allow ? "an allow rule grants nothing by it" : "a deny rule never denies by it";
                if (applying.Count == 0)
                {
                    ctx.Warning(DiagnosticCodes.UnverifiedRequestPrincipal, principals.IsEmpty ? $"{path}.when" : $"{path}.from.requestPrincipals",
                        $"This rule names end users (a verified JWT), but no request authentication verifies tokens for {Target(policy)}: no request carries a request principal, so {effect}. Add a request authentication for the issuer.");
                    continue;
                }
                for (var i = 0; i < principals.Count; i++)
                {
                    if (principals[i] is not { } principal || issuers.Any(issuer => CanMatch(principal, issuer))) continue;
                    ctx.Warning(DiagnosticCodes.UnverifiedRequestPrincipal, $"{path}.from.requestPrincipals[{i}]",
                        $"'{principal}' names no issuer the request authentications of {Target(policy)} verify ({string.Join(", ", issuers)}; {string.Join(", ", applying.Select(a => $"$.spec.requestAuthentications[{a.Index}]"))}): no request carries such a principal, so {effect}.");
                }
            }
        }
    }

    /// <summary>Whether a request authentication might verify tokens where the access policy applies (never guessing no).</summary>
    private static bool Applies(RequestAuthentication authentication, AccessPolicy policy)
    {
        var ns = policy.Target?.Service.Namespace ?? policy.Namespace;
        if (authentication.Namespace != ns) return false;
        if (authentication.Target is null) return true;
        return policy.Target is null || authentication.Target.Service == policy.Target.Service;
    }

    /// <summary>Whether a principal pattern can name a token of <paramref name="issuer"/> (<c>ISSUER/SUBJECT</c>).</summary>
    internal static bool CanMatch(string pattern, string issuer)
    {
        var prefix = issuer + "/";
        if (pattern == "*" || (pattern.Length > 1 && pattern.StartsWith('*'))) return true;
        if (pattern.Length > 1 && pattern.EndsWith('*'))
        {
            var start = pattern[..^1];
            return start.StartsWith(prefix, StringComparison.Ordinal) || prefix.StartsWith(start, StringComparison.Ordinal);
        }
        return pattern.StartsWith(prefix, StringComparison.Ordinal);
    }

    private static string Target(AccessPolicy p) => p.Target is { } t ? $"'{t.Service}'" : $"the workloads of namespace '{p.Namespace}'";
}

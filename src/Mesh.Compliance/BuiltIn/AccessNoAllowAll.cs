using Mesh.Model;

namespace Mesh.Compliance.BuiltIn;

/// <summary>
/// <c>access-no-allow-all</c>: no allow rule admits every caller — a rule with no <c>from</c>, a <c>from</c> that names no
/// caller (none, or only exclusions), one that admits unauthenticated callers, or an IP block of every address (peer or client).
/// </summary>
internal sealed class AccessNoAllowAll : BuiltInCheck
{
    public override string Id => "access-no-allow-all";

    public override string Description => "No allow rule admits every caller (no from, an empty from, unauthenticated callers, or an IP block of all addresses).";

    public override IEnumerable<Hit> Run(CheckContext context, IReadOnlyDictionary<string, object> parameters)
    {
        foreach (var (p, policy) in CheckContext.Items(context.Config.AccessPolicies))
        {
            if (policy.Action != AccessAction.Allow) continue;
            var labels = policy.Target is { } target ? context.Labels(target.Service, target.Subset) : default;
            var name = policy.Target?.Service.Name ?? policy.Name;
            foreach (var (r, rule) in CheckContext.Items(policy.Rules))
            {
                var why = rule.From switch
                {
                    null => "has no 'from', so it admits every caller",
                    { HasAlternatives: false, Not: null } => "names no caller in 'from', so it admits every caller",
                    { HasAlternatives: false } => "names no caller in 'from', only exclusions, so it admits every caller but those",
                    { Unauthenticated: true } => "admits unauthenticated callers, so anyone who can reach the pods",
                    { IpBlocks: var blocks, RemoteIpBlocks: var remote } when blocks.Concat(remote).Any(b => b is "0.0.0.0/0" or "::/0") => "admits the IP block of every address",
                    _ => null,
                };
                if (why is null) continue;
                yield return new Hit($"$.spec.accessPolicies[{p}].rules[{r}]", $"Rule {r} of allow policy '{policy.Namespace}/{policy.Name}' {why}; name the callers (service accounts or namespaces).", RuleSubject.AccessPolicies, policy.Namespace, name, labels);
            }
        }
    }
}

using System.Globalization;
using Mesh.Collections;
using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// Access policies ↔ <c>AuthorizationPolicy</c>s: the target as a selector on the workload label (plus the subset's labels),
/// service accounts as <c>TRUST_DOMAIN/ns/NS/sa/SA</c> principals, unauthenticated callers as <c>notPrincipals: ["*"]</c>,
/// one operation per rule (a rule with several operations is read as one rule per operation).
/// </summary>
internal static class AccessPolicyMapping
{
    public static IEnumerable<AuthorizationPolicy> ToIstio(MeshConfig config, IstioExportContext ctx)
    {
        var result = new List<AuthorizationPolicy>();
        for (var i = 0; i < config.AccessPolicies.Count; i++)
        {
            var policy = config.AccessPolicies[i];
            var path = $"$.spec.accessPolicies[{i}]";
            WorkloadSelector? selector = null;
            if (policy.Target is { } target)
            {
                if (target.Service.Namespace != policy.Namespace)
                {
                    ctx.Unsupported($"{path}.target.service", $"An AuthorizationPolicy selects workloads of its own namespace only; '{target.Service}' is not in '{policy.Namespace}', so the policy is not written.");
                    continue;
                }
                var labels = new Dictionary<string, string>(StringComparer.Ordinal) { [ctx.Options.WorkloadLabel] = target.Service.Name };
                if (target.Subset is { } subsetName)
                {
                    var subset = ctx.FindService(target.Service)?.FindSubset(subsetName);
                    if (subset is null)
                    {
                        ctx.Unsupported($"{path}.target.subset", $"Subset '{subsetName}' of '{target.Service}' is not defined, so its labels are unknown; the policy is not written.");
                        continue;
                    }
                    var service = ctx.FindService(target.Service)!;
                    if (subset.Labels.TryGetValue(ctx.Options.WorkloadLabel, out var own) && own != target.Service.Name)
                    {
                        ctx.Unsupported($"{path}.target.subset", $"Subset '{subsetName}' sets the '{ctx.Options.WorkloadLabel}' label to '{own}', which the selector uses for the service name; the policy is not written.");
                        continue;
                    }
                    if (subset.Labels.IsEmpty || service.Subsets.Any(s => s.Name != subsetName && s.Labels == subset.Labels))
                    {
                        ctx.Approximated($"{path}.target.subset", $"Subset '{subsetName}' has no labels of its own to select it by; the policy selects every workload of '{target.Service}'.");
                    }
                    foreach (var (key, value) in subset.Labels) labels[key] = value;
                }
                if (labels.Any(l => l.Value.Contains('*', StringComparison.Ordinal)))
                {
                    ctx.Unsupported($"{path}.target", "Istio selectors take no '*' in label values; the policy is not written.");
                    continue;
                }
                selector = new WorkloadSelector { MatchLabels = labels };
            }
            if (selector is null && policy.Namespace == ctx.Options.RootNamespace)
            {
                ctx.Approximated($"{path}.namespace", $"Without a target, an AuthorizationPolicy in Istio's root namespace '{policy.Namespace}' applies to the whole mesh, not only to the workloads of that namespace.");
            }
            result.Add(new AuthorizationPolicy
            {
                Metadata = { Name = policy.Name, NamespaceProperty = policy.Namespace },
                Spec =
                {
                    Selector = selector,
                    Action = policy.Action == AccessAction.Allow ? "ALLOW" : "DENY",
                    Rules = Lists.OrNull(policy.Rules.Select(r => RuleToIstio(r, ctx))),
                },
            });
        }
        return result.OrderBy(p => p.Metadata.NamespaceProperty, StringComparer.Ordinal).ThenBy(p => p.Metadata.Name, StringComparer.Ordinal);
    }

    private static Resources.Rule RuleToIstio(AccessRule rule, IstioExportContext ctx)
    {
        var result = new Resources.Rule();
        if (rule.From is { } from)
        {
            var sources = new List<RuleFrom>();
            if (!from.ServiceAccounts.IsEmpty)
            {
                sources.Add(new RuleFrom { Source = new Source { Principals = [.. from.ServiceAccounts.Select(sa => $"{ctx.Options.TrustDomain}/ns/{sa.Namespace}/sa/{sa.Name}")] } });
            }
            if (!from.Namespaces.IsEmpty) sources.Add(new RuleFrom { Source = new Source { Namespaces = [.. from.Namespaces] } });
            if (!from.IpBlocks.IsEmpty) sources.Add(new RuleFrom { Source = new Source { IpBlocks = [.. from.IpBlocks] } });
            if (from.Unauthenticated) sources.Add(new RuleFrom { Source = new Source { NotPrincipals = ["*"] } });
            result.From = Lists.OrNull(sources);
        }
        if (rule.To is { } to)
        {
            var operation = new Operation
            {
                Ports = Lists.OrNull(to.Ports.Select(p => p.ToString(CultureInfo.InvariantCulture))),
                Methods = Lists.OrNull(to.Methods),
                Paths = Lists.OrNull(to.Paths),
            };
            if (operation.Ports is not null || operation.Methods is not null || operation.Paths is not null) result.To = [new RuleTo { Operation = operation }];
        }
        return result;
    }

    public static void ToModel(AuthorizationPolicy ap, string ns, string source, ModelBuilder model, IstioImportContext ctx)
    {
        var name = ctx.NameOf(ap, source);
        var spec = ap.Spec;
        AccessAction action;
        switch (spec?.Action)
        {
            case null or "ALLOW": action = AccessAction.Allow; break;
            case "DENY": action = AccessAction.Deny; break;
            case "AUDIT" or "CUSTOM":
                ctx.NotImported(source, "$.spec", $"{spec.Action} policies (audit logging, external authorizers) are not in the model; the policy was not imported.");
                return;
            default:
                ctx.Invalid(source, "$.spec.action", $"'{spec.Action}' is not an action (ALLOW, DENY, AUDIT, CUSTOM).");
                return;
        }

        PolicyTarget? target = null;
        var labels = spec?.Selector?.MatchLabels;
        if (labels is { Count: > 0 })
        {
            if (!labels.TryGetValue(ctx.Options.WorkloadLabel, out var serviceName) || string.IsNullOrEmpty(serviceName))
            {
                ctx.NotImported(source, "$.spec", $"The model targets services, found by the '{ctx.Options.WorkloadLabel}' label; a selector without it was not imported, nor the policy.");
                return;
            }
            var service = new ServiceRef(serviceName, ns);
            string? subset = null;
            var rest = labels.Where(e => e.Key != ctx.Options.WorkloadLabel && e.Value is not null).ToEquatableMap();
            if (!rest.IsEmpty)
            {
                subset = model.FindService(service)?.Subsets.FirstOrDefault(s => s.Labels == rest)?.Name;
                if (subset is null)
                {
                    ctx.NotImported(source, "$.spec", $"No subset of '{service}' has the labels {rest}; the policy (selector {labels.Where(e => e.Value is not null).ToEquatableMap()}) was not imported.");
                    return;
                }
            }
            target = new PolicyTarget { Service = service, Subset = subset };
        }

        if (target is null && ns == ctx.Options.RootNamespace)
        {
            ctx.NotImported(source, "$.metadata.namespace", $"Without a selector, a policy in Istio's root namespace '{ns}' applies to the whole mesh; the model reads it as a policy for the workloads of '{ns}' only.");
        }
        var rules = new List<AccessRule>();
        for (var i = 0; i < (spec?.Rules?.Count ?? 0); i++)
        {
            if (spec!.Rules![i] is not { } rule) continue;
            var path = $"$.spec.rules[{i}]";
            var from = SourcesToModel(rule.From, source, $"{path}.from", ctx);
            var operations = new List<AccessOperation?>();
            for (var k = 0; k < (rule.To?.Count ?? 0); k++)
            {
                if (rule.To![k]?.Operation is { } op) operations.Add(OperationToModel(op, source, $"{path}.to[{k}].operation", ctx));
            }
            if (operations.Count == 0) operations.Add(null);
            // Istio ORs the operations of one rule; the model has one operation per rule, so a rule becomes one per operation.
            foreach (var to in operations) rules.Add(new AccessRule { From = from, To = to });
        }
        model.AccessPolicies.Add(new AccessPolicy { Name = name, Namespace = ns, Target = target, Action = action, Rules = [.. rules] });
    }

    private static AccessSource? SourcesToModel(List<RuleFrom>? from, string source, string path, IstioImportContext ctx)
    {
        if (from is null) return null;
        var accounts = new List<ServiceAccountRef>();
        var namespaces = new List<string>();
        var blocks = new List<string>();
        var unauthenticated = false;
        for (var i = 0; i < from.Count; i++)
        {
            if (from[i]?.Source is not { } s) continue;
            var at = $"{path}[{i}].source";
            var kinds = (s.Principals is null ? 0 : 1) + (s.Namespaces is null ? 0 : 1) + (s.IpBlocks is null ? 0 : 1) + (s.NotPrincipals is null ? 0 : 1);
            if (kinds > 1)
            {
                ctx.NotImported(source, at, "Istio ANDs the fields of one source; the model ORs them, so they were imported as alternatives (a wider match).");
            }
            for (var k = 0; k < (s.Principals?.Count ?? 0); k++)
            {
                if (PrincipalToModel(s.Principals![k]) is { } account) accounts.Add(account);
                else ctx.NotImported(source, $"{at}.principals[{k}]", $"'{s.Principals[k]}' is not a workload identity TRUST_DOMAIN/ns/NS/sa/SA; it was not imported.");
            }
            namespaces.AddRange((s.Namespaces ?? []).Where(n => n is not null));
            blocks.AddRange((s.IpBlocks ?? []).Where(b => b is not null));
            if (s.NotPrincipals is { } not)
            {
                if (not is ["*"]) unauthenticated = true;
                else ctx.NotImported(source, $"{at}.notPrincipals", "Only notPrincipals: ['*'] (callers without an identity) is in the model; this exclusion was not imported.");
            }
        }
        return new AccessSource { ServiceAccounts = [.. accounts], Namespaces = [.. namespaces], IpBlocks = [.. blocks], Unauthenticated = unauthenticated };
    }

    private static ServiceAccountRef? PrincipalToModel(string? principal)
    {
        var parts = principal?.Split('/');
        return parts is [{ Length: > 0 }, "ns", { Length: > 0 } ns, "sa", { Length: > 0 } sa] ? new ServiceAccountRef(ns, sa) : null;
    }

    private static AccessOperation OperationToModel(Operation op, string source, string path, IstioImportContext ctx)
    {
        var ports = new List<int>();
        for (var i = 0; i < (op.Ports?.Count ?? 0); i++)
        {
            if (int.TryParse(op.Ports![i], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535) ports.Add(port);
            else ctx.Invalid(source, $"{path}.ports[{i}]", $"'{op.Ports[i]}' is not a port number.");
        }
        return new AccessOperation
        {
            Ports = [.. ports],
            Methods = [.. (op.Methods ?? []).Where(m => m is not null)],
            Paths = [.. (op.Paths ?? []).Where(p => p is not null)],
        };
    }
}

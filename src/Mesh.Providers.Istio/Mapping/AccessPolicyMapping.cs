using System.Globalization;
using Mesh.Collections;
using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;
using Mesh.Validation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// Access policies ↔ <c>AuthorizationPolicy</c>s: the target as a selector on its workloads' labels (the service's selector
/// plus the subset's labels, <see cref="WorkloadSelectorMapping"/>),
/// service accounts as <c>TRUST_DOMAIN/ns/NS/sa/SA</c> principals, unauthenticated callers as <c>notPrincipals: ["*"]</c>,
/// one operation per rule (a rule with several operations is read as one rule per operation); ALLOW, Istio's default action,
/// is left out.
/// </summary>
internal static class AccessPolicyMapping
{
    public static IEnumerable<AuthorizationPolicy> ToIstio(MeshConfig config, IstioExportContext ctx)
    {
        var result = new List<AuthorizationPolicy>();
        var index = config.AccessPolicies.IsEmpty ? null : new WorkloadSelectorMapping.Index(config.Services);
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
                var service = ctx.FindService(target.Service);
                if (service?.WorkloadLabels(target.Subset) is not { } labels)
                {
                    ctx.Unsupported(target.Subset is null ? $"{path}.target.service" : $"{path}.target.subset", $"{(target.Subset is null ? $"Service '{target.Service}'" : $"Subset '{target.Subset}' of '{target.Service}'")} is not defined, so its workloads' labels are unknown; the policy is not written.");
                    continue;
                }
                var back = WorkloadSelectorMapping.Resolve(labels, policy.Namespace, index!);
                if (back is not { IsNewSubset: false } selection || selection.Service.Reference != target.Service || selection.Subset != target.Subset)
                {
                    var what = target.Subset is null ? $"service '{target.Service}'" : $"subset '{target.Subset}' of '{target.Service}'";
                    var reading = back is { } b ? b.ToString() : $"no service of '{policy.Namespace}' (none's selector is contained in it)";
                    ctx.Approximated($"{path}.target", $"The selector {labels} selects exactly the workloads of {what}, but it reads back as {reading}: the same workloads, attributed to another target.");
                }
                selector = new WorkloadSelector { MatchLabels = Lists.OrNull(labels) };
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
                    // ALLOW is Istio's default action: left out, as in Istio's own allow-nothing policy (`spec: {}`).
                    Action = policy.Action == AccessAction.Allow ? null : "DENY",
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
            case null: action = AccessAction.Allow; break;
            case "ALLOW":
                action = AccessAction.Allow;
                ctx.NotImportedInfo(source, "$.spec.action", "ALLOW is Istio's default action; it is written back left out.");
                break;
            case "DENY": action = AccessAction.Deny; break;
            case "AUDIT" or "CUSTOM":
                ctx.NotImported(source, "$.spec", $"{spec.Action} policies (audit logging, external authorizers) are not in the model; the policy was not imported.");
                return;
            default:
                ctx.Invalid(source, "$.spec.action", $"'{spec.Action}' is not an action (ALLOW, DENY, AUDIT, CUSTOM).");
                return;
        }

        PolicyTarget? target = null;
        var labels = (spec?.Selector?.MatchLabels ?? []).Where(e => e.Value is not null).ToEquatableMap();
        if (!labels.IsEmpty)
        {
            target = TargetToModel(labels, ns, source, model, ctx);
            if (target is null) return;
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

    /// <summary>
    /// The target a workload selector names (<see cref="WorkloadSelectorMapping.Resolve(EquatableMap{string}, string, IEnumerable{MeshService})"/>): a service whose selector the labels
    /// contain, the other labels being one of its subsets (declared when none has them). When no service's selector fits, a
    /// service the input does not declare is found by the <c>app</c> label (its default selector), as Istio's samples label
    /// workloads. Null (reported) when the selector names no service.
    /// </summary>
    private static PolicyTarget? TargetToModel(EquatableMap<string> labels, string ns, string source, ModelBuilder model, IstioImportContext ctx)
    {
        foreach (var (key, value) in labels)
        {
            if (!KubernetesNames.IsLabelKey(key) || !KubernetesNames.IsLabelValue(value))
            {
                ctx.NotImported(source, "$.spec", $"The selector's '{key}: {value}' is not a Kubernetes label, so it selects no workload of the model; the policy was not imported.");
                return null;
            }
        }
        MeshService service;
        var selection = WorkloadSelectorMapping.Resolve(labels, ns, model.Services.Values);
        if (selection is { } found)
        {
            if (!found.IsNewSubset) return new PolicyTarget { Service = found.Service.Reference, Subset = found.Subset };
            service = found.Service;
        }
        else if (labels.TryGetValue(MeshService.DefaultSelectorKey, out var app) && DnsNames.IsDnsLabel(app) && model.FindService(new ServiceRef(app, ns)) is null)
        {
            var rest = WorkloadSelectorMapping.Rest(labels, MeshService.DefaultSelector(app));
            if (rest.IsEmpty) return new PolicyTarget { Service = new ServiceRef(app, ns) };
            service = new MeshService { Name = app, Namespace = ns };
            ctx.Inferred(source, "$.spec.selector", $"Service '{service.Reference}' is not in the input; it is declared from the selector's '{MeshService.DefaultSelectorKey}' label (selector {{ {MeshService.DefaultSelectorKey}: {app} }}). Include its Kubernetes Service to import its real selector and ports.");
        }
        else
        {
            var why = model.FindService(new ServiceRef(labels.TryGetValue(MeshService.DefaultSelectorKey, out var named) ? named : string.Empty, ns)) is { } other
                ? $"; service '{other.Reference}' selects {other.EffectiveSelector}"
                : string.Empty;
            ctx.NotImported(source, "$.spec", $"The model targets services; no service of '{ns}' in the input has a selector contained in the policy's selector {labels}{why}, so the policy was not imported.");
            return null;
        }
        var subsetLabels = WorkloadSelectorMapping.Rest(labels, service.EffectiveSelector);
        var name = WorkloadSelectorMapping.SubsetName(subsetLabels, service);
        model.Services[ns + "/" + service.Name] = service with { Subsets = [.. service.Subsets, new Model.Subset { Name = name, Labels = subsetLabels }] };
        ctx.Inferred(source, "$.spec.selector", $"No subset of '{service.Reference}' has the labels {subsetLabels}; the policy's workloads (selector {labels}) are read as a new subset '{name}' of it.");
        return new PolicyTarget { Service = service.Reference, Subset = name };
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

using Mesh.Kubernetes;
using System.Globalization;
using Mesh.Collections;
using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;
using Mesh.Translation;
using Mesh.Validation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// Access policies ↔ <c>AuthorizationPolicy</c>s: the target as a selector on its workloads' labels (the service's selector
/// plus the subset's labels, <see cref="WorkloadSelectorMapping"/>),
/// service accounts as <c>TRUST_DOMAIN/ns/NS/sa/SA</c> principals, any authenticated caller as <c>principals: ["*"]</c>,
/// unauthenticated callers as <c>notPrincipals: ["*"]</c>, SPIFFE identities as principals without their scheme, a
/// source's exclusion as the <c>not…</c> fields of each Istio source written for it, conditions as <c>when</c>; one operation
/// per rule (a rule with several operations, or with sources that differ in their exclusions or AND several fields, is read as
/// several rules — Istio ORs its sources and operations, and a rule of the model matches when any of its alternatives does);
/// ALLOW, Istio's default action, is left out.
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
            if (policy.Target is { } target && !TryTargetSelector(policy.Namespace, target, path, "policy", ctx, index!, out selector)) continue;
            if (selector is null && policy.Namespace == ctx.Options.RootNamespace)
            {
                ctx.Approximated($"{path}.namespace", $"Without a target, an AuthorizationPolicy in Istio's root namespace '{policy.Namespace}' applies to the whole mesh, not only to the workloads of that namespace.");
            }
            var rule = 0; // the index of the rule being written, for the paths of its reports
            result.Add(Ownership.From(new AuthorizationPolicy
            {
                Metadata = { Name = policy.Name, NamespaceProperty = policy.Namespace },
                Spec =
                {
                    Selector = selector,
                    // ALLOW is Istio's default action: left out, as in Istio's own allow-nothing policy (`spec: {}`).
                    Action = policy.Action switch { AccessAction.Deny => "DENY", AccessAction.Audit => "AUDIT", _ => null },
                    Rules = Lists.OrNull(policy.Rules, r => RuleToIstio(ServicesAsAccounts(r, path, rule++, ctx), ctx)),
                },
            }, ModelObjectNames.Of(policy)));
        }
        return result.OrderBy(p => p.Metadata.NamespaceProperty, StringComparer.Ordinal).ThenBy(p => p.Metadata.Name, StringComparer.Ordinal);
    }

    /// <summary>
    /// The workload selector of a policy's target in its namespace: the service's selector plus the subset's labels. False
    /// (reported) when the target is in another namespace or its workloads' labels are unknown; a selector that reads back as
    /// another target is written and reported as approximated.
    /// </summary>
    internal static bool TryTargetSelector(string policyNamespace, PolicyTarget target, string path, string what, IstioExportContext ctx, WorkloadSelectorMapping.Index index, out WorkloadSelector? selector)
    {
        selector = null;
        if (target.Service.Namespace != policyNamespace)
        {
            ctx.Unsupported($"{path}.target.service", $"An Istio {what} selects workloads of its own namespace only; '{target.Service}' is not in '{policyNamespace}', so the {what} is not written.");
            return false;
        }
        var service = ctx.FindService(target.Service);
        if (service?.WorkloadLabels(target.Subset) is not { } labels)
        {
            ctx.Unsupported(target.Subset is null ? $"{path}.target.service" : $"{path}.target.subset", $"{(target.Subset is null ? $"Service '{target.Service}'" : $"Subset '{target.Subset}' of '{target.Service}'")} is not defined, so its workloads' labels are unknown; the {what} is not written.");
            return false;
        }
        var back = WorkloadSelectorMapping.Resolve(labels, policyNamespace, index);
        if (back is not { IsNewSubset: false } selection || selection.Service.Reference != target.Service || selection.Subset != target.Subset)
        {
            var workloads = target.Subset is null ? $"service '{target.Service}'" : $"subset '{target.Subset}' of '{target.Service}'";
            var reading = back is { } b ? b.ToString() : $"no service of '{policyNamespace}' (none's selector is contained in it)";
            ctx.Approximated($"{path}.target", $"The selector {labels} selects exactly the workloads of {workloads}, but it reads back as {reading}: the same workloads, attributed to another target.");
        }
        selector = new WorkloadSelector { MatchLabels = Lists.OrNull(labels) };
        return true;
    }

    /// <summary>Callers named as services, as the service accounts named like them (<see cref="ServiceCallers"/>), each reported as approximated.</summary>
    private static AccessRule ServicesAsAccounts(AccessRule rule, string policyPath, int index, IstioExportContext ctx)
    {
        foreach (var part in ServiceCallers.Paths(rule))
        {
            ctx.Approximated($"{policyPath}.rules[{index}].{part}", IstioCapabilities.Instance[MeshFeature.AccessFromServices].Reason!);
        }
        return ServiceCallers.AsServiceAccounts(rule);
    }

    private static Resources.Rule RuleToIstio(AccessRule rule, IstioExportContext ctx)
    {
        var result = new Resources.Rule();
        if (rule.From is { } from)
        {
            // Istio ANDs the fields of one source and ORs the sources: each alternative is a source of its own, carrying the exclusions.
            var sources = new List<Source>();
            var trustDomain = ctx.Options.TrustDomain;
            if (!from.ServiceAccounts.IsEmpty || from.Authenticated || !from.Identities.IsEmpty)
            {
                var principals = Principals(from, trustDomain);
                if (from.Authenticated) principals.Add("*");
                sources.Add(new Source { Principals = principals });
            }
            if (!from.Namespaces.IsEmpty) sources.Add(new Source { Namespaces = Lists.OrNull(from.Namespaces) });
            if (!from.IpBlocks.IsEmpty) sources.Add(new Source { IpBlocks = Lists.OrNull(from.IpBlocks) });
            if (!from.RemoteIpBlocks.IsEmpty) sources.Add(new Source { RemoteIpBlocks = Lists.OrNull(from.RemoteIpBlocks) });
            if (!from.RequestPrincipals.IsEmpty) sources.Add(new Source { RequestPrincipals = Lists.OrNull(from.RequestPrincipals) });
            if (from.Unauthenticated) sources.Add(new Source { NotPrincipals = ["*"] });
            if (sources.Count == 0) sources.Add(new Source());
            if (from.Not is { } not)
            {
                foreach (var source in sources)
                {
                    var excluded = Principals(not, trustDomain);
                    if (source.NotPrincipals is { } own) excluded.InsertRange(0, own);
                    source.NotPrincipals = excluded.Count == 0 ? null : excluded;
                    source.NotNamespaces = Lists.OrNull(not.Namespaces);
                    source.NotIpBlocks = Lists.OrNull(not.IpBlocks);
                    source.NotRemoteIpBlocks = Lists.OrNull(not.RemoteIpBlocks);
                    source.NotRequestPrincipals = Lists.OrNull(not.RequestPrincipals);
                }
            }
            result.From = sources.ConvertAll(s => new RuleFrom { Source = s });
        }
        if (rule.To is { } to)
        {
            var operation = new Operation
            {
                Ports = Lists.OrNull(to.Ports, p => p.ToString(CultureInfo.InvariantCulture)),
                Methods = Lists.OrNull(to.Methods),
                Paths = Lists.OrNull(to.Paths),
                Hosts = Lists.OrNull(to.Hosts),
                NotPorts = Lists.OrNull(to.Not?.Ports ?? default, p => p.ToString(CultureInfo.InvariantCulture)),
                NotMethods = Lists.OrNull(to.Not?.Methods ?? default),
                NotPaths = Lists.OrNull(to.Not?.Paths ?? default),
                NotHosts = Lists.OrNull(to.Not?.Hosts ?? default),
            };
            if (operation.Ports is not null || operation.Methods is not null || operation.Paths is not null || operation.Hosts is not null
                || operation.NotPorts is not null || operation.NotMethods is not null || operation.NotPaths is not null || operation.NotHosts is not null)
            {
                result.To = [new RuleTo { Operation = operation }];
            }
        }
        result.When = Lists.OrNull(rule.When, c => new Condition { Key = c.Key.ToString(), Values = Lists.OrNull(c.Values), NotValues = Lists.OrNull(c.NotValues) });
        return result;
    }

    /// <summary>Service accounts as principals of the trust domain, SPIFFE identities without their scheme (Istio's principal form).</summary>
    private static List<string> Principals(AccessSource from, string trustDomain)
    {
        var result = new List<string>(from.ServiceAccounts.Count + from.Identities.Count + 1);
        foreach (var sa in from.ServiceAccounts) result.Add($"{trustDomain}/ns/{sa.Namespace}/sa/{sa.Name}");
        foreach (var i in from.Identities) result.Add(i.StartsWith(SpiffeScheme, StringComparison.Ordinal) ? i[SpiffeScheme.Length..] : i);
        return result;
    }

    private const string SpiffeScheme = "spiffe://";

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
            case "AUDIT": action = AccessAction.Audit; break;
            case "CUSTOM":
                ctx.NotImported(source, "$.spec", "CUSTOM policies delegate the decision to an external authorizer (an extension provider of the mesh config), which the model does not describe; the policy was not imported.");
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
            if (ConditionsToModel(rule.When, source, $"{path}.when", ctx) is not { } when) continue;
            if (SourcesToModel(rule.From, source, $"{path}.from", ctx) is not { } sources) continue;
            var operations = new List<AccessOperation?>();
            for (var k = 0; k < (rule.To?.Count ?? 0); k++)
            {
                if (rule.To![k]?.Operation is not { } op) continue;
                if (OperationToModel(op, source, $"{path}.to[{k}].operation", ctx) is { } operation) operations.Add(operation);
            }
            if (operations.Count == 0)
            {
                // Every operation was reported: the rule matches none of the requests it names, so it is left out rather than widened.
                if (rule.To is { Count: > 0 }) continue;
                operations.Add(null);
            }
            // Istio ORs the sources and operations of one rule; the model has one source and one operation per rule, and ORs rules.
            foreach (var (from, extra) in sources)
            {
                foreach (var to in operations)
                {
                    var read = new AccessRule { From = from, To = to, When = [.. when, .. extra] };
                    // A value the model cannot hold (an inner '*', a template, a malformed address) leaves this part of the rule out.
                    if (MeshValidator.ValidateRule(read).FirstOrDefault(d => d.IsError) is { } problem)
                    {
                        ctx.NotImported(source, path, $"A part of this rule is not one the model can hold ({problem.Message}); it is not imported rather than widened.");
                        continue;
                    }
                    rules.Add(read);
                }
            }
        }
        model.AccessPolicies.Add(new AccessPolicy { Name = name, Namespace = ns, Target = target, Action = action, Rules = [.. rules] });
    }

    /// <summary>
    /// The target a workload selector names (<see cref="WorkloadSelectorMapping.Resolve(EquatableMap{string}, string, IEnumerable{MeshService})"/>): a service whose selector the labels
    /// contain, the other labels being one of its subsets (declared when none has them). When no service's selector fits, a
    /// service the input does not declare is found by the <c>app</c> label (its default selector), as Istio's samples label
    /// workloads. Null (reported) when the selector names no service.
    /// </summary>
    internal static PolicyTarget? TargetToModel(EquatableMap<string> labels, string ns, string source, ModelBuilder model, IstioImportContext ctx)
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

    /// <summary>
    /// The sources of a rule as model sources, each with the conditions its extra fields become: Istio ANDs the fields of a
    /// source, so one field kind stays the source's alternatives and every other one becomes a condition of the same meaning
    /// (<c>source.namespace</c>, <c>source.ip</c>, …). Sources with the same exclusions and no conditions are merged. Null when
    /// a source cannot be read: the rule is then left out (reported), never widened.
    /// </summary>
    private static List<(AccessSource? From, AccessCondition[] When)>? SourcesToModel(List<RuleFrom>? from, string source, string path, IstioImportContext ctx)
    {
        if (from is null) return [(null, [])];
        var result = new List<(AccessSource? From, AccessCondition[] When)>();
        for (var i = 0; i < from.Count; i++)
        {
            if (from[i]?.Source is not { } s) continue;
            var at = $"{path}[{i}].source";
            var parts = new List<(AccessSource Alternatives, AccessConditionKey Key, List<string> Values, bool Negated)>();
            if (s.Principals is { } named)
            {
                if (PrincipalsToModel(named, source, $"{at}.principals", ctx) is not { } alternatives) return Skipped(source, at, ctx);
                parts.Add((alternatives, AccessConditionKey.Of(AccessAttribute.SourcePrincipal), [.. named.Where(p => p is not null)], false));
            }
            if (s.Namespaces is { } namespaces) parts.Add((new AccessSource { Namespaces = [.. namespaces.Where(n => n is not null)] }, AccessConditionKey.Of(AccessAttribute.SourceNamespace), [.. namespaces.Where(n => n is not null)], false));
            if (s.IpBlocks is { } blocks) parts.Add((new AccessSource { IpBlocks = [.. blocks.Where(b => b is not null)] }, AccessConditionKey.Of(AccessAttribute.SourceIp), [.. blocks.Where(b => b is not null)], false));
            if (s.RemoteIpBlocks is { } remote) parts.Add((new AccessSource { RemoteIpBlocks = [.. remote.Where(b => b is not null)] }, AccessConditionKey.Of(AccessAttribute.RemoteIp), [.. remote.Where(b => b is not null)], false));
            if (s.RequestPrincipals is { } requests) parts.Add((new AccessSource { RequestPrincipals = [.. requests.Where(r => r is not null)] }, AccessConditionKey.Of(AccessAttribute.RequestPrincipal), [.. requests.Where(r => r is not null)], false));
            // notPrincipals with '*' matches only callers without an identity; its other entries exclude no more, and are kept as
            // the exclusion they are written for (an export writes a source's exclusion on each of its Istio sources).
            var notPrincipals = s.NotPrincipals?.Where(p => p is not null).ToList() ?? [];
            if (notPrincipals.Remove("*"))
            {
                parts.Add((new AccessSource { Unauthenticated = true }, AccessConditionKey.Of(AccessAttribute.SourcePrincipal), ["*"], true));
            }
            AccessSource? not = null;
            if (notPrincipals.Count > 0 || s.NotNamespaces is not null || s.NotIpBlocks is not null || s.NotRemoteIpBlocks is not null || s.NotRequestPrincipals is not null)
            {
                if (PrincipalsToModel(notPrincipals, source, $"{at}.notPrincipals", ctx) is not { } excluded) return Skipped(source, at, ctx);
                not = excluded with
                {
                    Namespaces = [.. (s.NotNamespaces ?? []).Where(n => n is not null)],
                    IpBlocks = [.. (s.NotIpBlocks ?? []).Where(b => b is not null)],
                    RemoteIpBlocks = [.. (s.NotRemoteIpBlocks ?? []).Where(b => b is not null)],
                    RequestPrincipals = [.. (s.NotRequestPrincipals ?? []).Where(r => r is not null)],
                };
            }
            var first = parts.Count == 0 ? new AccessSource() : parts[0].Alternatives;
            var when = parts.Skip(1).Select(p => p.Negated
                ? new AccessCondition { Key = p.Key, NotValues = [.. p.Values] }
                : new AccessCondition { Key = p.Key, Values = [.. p.Values] }).ToArray();
            var model = first with { Not = not };
            var merged = when.Length == 0 ? result.FindIndex(r => r.When.Length == 0 && r.From is { } f && f.Not == not) : -1;
            if (merged >= 0)
            {
                var f = result[merged].From!;
                result[merged] = (f with
                {
                    ServiceAccounts = [.. f.ServiceAccounts, .. model.ServiceAccounts],
                    Namespaces = [.. f.Namespaces, .. model.Namespaces],
                    IpBlocks = [.. f.IpBlocks, .. model.IpBlocks],
                    RemoteIpBlocks = [.. f.RemoteIpBlocks, .. model.RemoteIpBlocks],
                    RequestPrincipals = [.. f.RequestPrincipals, .. model.RequestPrincipals],
                    Identities = [.. f.Identities, .. model.Identities],
                    Authenticated = f.Authenticated || model.Authenticated,
                    Unauthenticated = f.Unauthenticated || model.Unauthenticated,
                }, []);
            }
            else result.Add((model, when));
        }
        // A rule whose sources are all empty entries matches anyone, as Istio reads it.
        return result.Count == 0 ? [(null, [])] : result;
    }

    private static List<(AccessSource? From, AccessCondition[] When)>? Skipped(string source, string at, IstioImportContext ctx)
    {
        ctx.NotImported(source, at, "The rule is not imported: without this source's unreadable part it would match more requests than it does.");
        return null;
    }

    /// <summary>
    /// Principals as the model's callers: <c>*</c> any authenticated workload, <c>TRUST_DOMAIN/ns/NS/sa/SA</c> of the mesh's
    /// trust domain a service account, any other a SPIFFE identity (a pattern keeps its <c>*</c>). Null when one is malformed.
    /// </summary>
    private static AccessSource? PrincipalsToModel(List<string> principals, string source, string path, IstioImportContext ctx)
    {
        var accounts = new List<ServiceAccountRef>();
        var identities = new List<string>();
        var authenticated = false;
        for (var k = 0; k < principals.Count; k++)
        {
            var principal = principals[k];
            if (principal is null) continue;
            if (principal == "*") authenticated = true;
            else if (principal.StartsWith(ctx.Options.TrustDomain + "/", StringComparison.Ordinal) && PrincipalToModel(principal) is { } account) accounts.Add(account);
            else if (AccessPatterns.IsValid(principal) && principal.Length > 1)
            {
                identities.Add(principal.StartsWith('*') ? principal : "spiffe://" + principal);
            }
            else
            {
                ctx.NotImported(source, $"{path}[{k}]", $"'{principal}' is not a principal the model can hold (a SPIFFE identity without its scheme, with at most one '*' at its start or end).");
                return null;
            }
        }
        return new AccessSource { ServiceAccounts = [.. accounts], Identities = [.. identities], Authenticated = authenticated };
    }

    /// <summary>The conditions of a rule; null (the rule is left out, reported) when one cannot be read.</summary>
    private static List<AccessCondition>? ConditionsToModel(List<Condition>? when, string source, string path, IstioImportContext ctx)
    {
        var result = new List<AccessCondition>();
        for (var i = 0; i < (when?.Count ?? 0); i++)
        {
            if (when![i] is not { } condition) continue;
            var at = $"{path}[{i}]";
            if (!AccessConditionKey.TryParse(condition.Key, out var key))
            {
                ctx.NotImported(source, $"{at}.key", $"'{condition.Key}' is not a condition key the model knows; the rule is not imported (without the condition it would match more requests).");
                return null;
            }
            result.Add(new AccessCondition { Key = key, Values = [.. (condition.Values ?? []).Where(v => v is not null)], NotValues = [.. (condition.NotValues ?? []).Where(v => v is not null)] });
        }
        return result;
    }

    private static ServiceAccountRef? PrincipalToModel(string? principal)
    {
        var parts = principal?.Split('/');
        return parts is [{ Length: > 0 }, "ns", { Length: > 0 } ns, "sa", { Length: > 0 } sa] && DnsNames.IsDnsLabel(ns) && DnsNames.IsDnsLabel(sa) ? new ServiceAccountRef(ns, sa) : null;
    }

    private static AccessOperation? OperationToModel(Operation op, string source, string path, IstioImportContext ctx)
    {
        if (Ports(op.Ports, source, $"{path}.ports", ctx) is not { } ports || Ports(op.NotPorts, source, $"{path}.notPorts", ctx) is not { } notPorts) return null;
        var not = new AccessOperation
        {
            Ports = notPorts,
            Methods = [.. (op.NotMethods ?? []).Where(m => m is not null)],
            Paths = [.. (op.NotPaths ?? []).Where(p => p is not null)],
            Hosts = [.. (op.NotHosts ?? []).Where(h => h is not null)],
        };
        return new AccessOperation
        {
            Ports = ports,
            Methods = [.. (op.Methods ?? []).Where(m => m is not null)],
            Paths = [.. (op.Paths ?? []).Where(p => p is not null)],
            Hosts = [.. (op.Hosts ?? []).Where(h => h is not null)],
            Not = not.IsAnything ? null : not,
        };
    }

    private static EquatableArray<int>? Ports(List<string>? ports, string source, string path, IstioImportContext ctx)
    {
        var result = new List<int>();
        for (var i = 0; i < (ports?.Count ?? 0); i++)
        {
            if (int.TryParse(ports![i], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535) result.Add(port);
            else
            {
                ctx.Invalid(source, $"{path}[{i}]", $"'{ports[i]}' is not a port number; the operation is not imported.");
                return null;
            }
        }
        return [.. result];
    }
}

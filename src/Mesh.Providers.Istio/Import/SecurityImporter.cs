using Mesh.Kubernetes;
using System.Globalization;
using Mesh.Collections;
using Mesh.Model;
using Mesh.Providers.Istio.Mapping;
using Mesh.Providers.Istio.Resources;

namespace Mesh.Providers.Istio.Import;

/// <summary><c>PeerAuthentication</c> → mTLS policies; <c>AuthorizationPolicy</c> → access policies.</summary>
internal static class SecurityImporter
{
    public static void Mtls(PeerAuthentication pa, string ns, string source, ModelBuilder model, IstioImportContext ctx)
    {
        var spec = pa.Spec;
        var labels = (spec?.Selector?.MatchLabels ?? []).Where(e => e.Value is not null).ToEquatableMap();
        if (spec?.Selector is not null && labels.IsEmpty)
        {
            ctx.NotImportedInfo(source, "$.spec.selector", "An empty selector selects every workload of the namespace.");
        }
        MtlsScope scope = labels.IsEmpty && ns == ctx.Options.RootNamespace
            ? MtlsScope.Mesh
            : new MtlsScope { Namespace = ns, Workload = labels };
        if (spec?.Mtls is { } mtls && Mode(mtls.Mode, source, "$.spec.mtls.mode", ctx) is { } mode)
        {
            model.Mtls.Add(new MtlsPolicy { Scope = scope, Mode = mode });
        }
        foreach (var (key, value) in spec?.PortLevelMtls ?? [])
        {
            var path = $"$.spec.portLevelMtls{JsonPaths.Segment(key)}";
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                ctx.Invalid(source, path, $"'{key}' is not a port number.");
                continue;
            }
            if (labels.IsEmpty)
            {
                ctx.Invalid(source, path, "Port-level mTLS needs a workload selector.");
                continue;
            }
            if (Mode(value?.Mode, source, $"{path}.mode", ctx) is { } portMode)
            {
                model.Mtls.Add(new MtlsPolicy { Scope = scope with { Port = port }, Mode = portMode });
            }
        }
    }

    private static MtlsMode? Mode(string? mode, string source, string path, IstioImportContext ctx)
    {
        switch (mode)
        {
            case "STRICT": return MtlsMode.Strict;
            case "PERMISSIVE": return MtlsMode.Permissive;
            case "DISABLE": return MtlsMode.Disabled;
            case null or "UNSET":
                ctx.NotImportedInfo(source, path, "UNSET inherits the mode of the wider scope; the model has no policy for it.");
                return null;
            default:
                ctx.Invalid(source, path, $"'{mode}' is not an mTLS mode (UNSET, DISABLE, PERMISSIVE, STRICT).");
                return null;
        }
    }

    public static void Access(AuthorizationPolicy ap, string ns, string source, ModelBuilder model, IstioImportContext ctx)
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
                    ctx.NotImported(source, "$.spec", $"No subset of '{service}' has the labels {rest}; the policy (selector {labels}) was not imported.");
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
            var from = Sources(rule.From, source, $"{path}.from", ctx);
            var operations = new List<AccessOperation?>();
            for (var k = 0; k < (rule.To?.Count ?? 0); k++)
            {
                if (rule.To![k]?.Operation is { } op) operations.Add(Operation(op, source, $"{path}.to[{k}].operation", ctx));
            }
            if (operations.Count == 0) operations.Add(null);
            // Istio ORs the operations of one rule; the model has one operation per rule, so a rule becomes one per operation.
            foreach (var to in operations) rules.Add(new AccessRule { From = from, To = to });
        }
        model.AccessPolicies.Add(new AccessPolicy { Name = name, Namespace = ns, Target = target, Action = action, Rules = [.. rules] });
    }

    private static AccessSource? Sources(List<RuleFrom>? from, string source, string path, IstioImportContext ctx)
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
                if (Principal(s.Principals![k]) is { } account) accounts.Add(account);
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

    private static ServiceAccountRef? Principal(string? principal)
    {
        var parts = principal?.Split('/');
        return parts is [{ Length: > 0 }, "ns", { Length: > 0 } ns, "sa", { Length: > 0 } sa] ? new ServiceAccountRef(ns, sa) : null;
    }

    private static AccessOperation Operation(Operation op, string source, string path, IstioImportContext ctx)
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

using Mesh.Kubernetes;
using System.Text;
using Mesh.Collections;
using Mesh.Model;
using Mesh.Providers.Istio.Resources;

namespace Mesh.Providers.Istio.Export;

/// <summary>mTLS policies → <c>PeerAuthentication</c>s; access policies → <c>AuthorizationPolicy</c>s.</summary>
internal static class SecurityExporter
{
    public static IEnumerable<PeerAuthentication> PeerAuthentications(MeshConfig config, IstioExportContext ctx)
    {
        var root = ctx.Options.RootNamespace;
        var byScope = new Dictionary<(string Namespace, EquatableMap<string> Labels), PeerAuthentication>();
        PeerAuthentication For(string ns, EquatableMap<string> labels)
        {
            if (!byScope.TryGetValue((ns, labels), out var pa))
            {
                pa = new PeerAuthentication
                {
                    Metadata = { NamespaceProperty = ns },
                    Spec = { Selector = labels.IsEmpty ? null : new WorkloadSelector { MatchLabels = Lists.OrNull(labels) } },
                };
                byScope[(ns, labels)] = pa;
            }
            return pa;
        }

        for (var i = 0; i < config.Mtls.Count; i++)
        {
            var policy = config.Mtls[i];
            var path = $"$.spec.mtls[{i}]";
            var scope = policy.Scope;
            var mode = new MutualTls { Mode = Mode(policy.Mode) };
            if (scope.Namespace is null && (!scope.Workload.IsEmpty || scope.Port is not null))
            {
                ctx.Unsupported($"{path}.scope", "A mesh-wide PeerAuthentication has no selector or port; the workload or port of this scope is not expressible.");
                continue;
            }
            if (scope.Workload.Values.Any(v => v.Contains('*', StringComparison.Ordinal)))
            {
                ctx.Unsupported($"{path}.scope.workload", "Istio selectors take no '*' in label values; the policy is not written.");
                continue;
            }
            if (scope.Namespace == root && scope.Workload.IsEmpty)
            {
                ctx.Approximated($"{path}.scope.namespace", $"A PeerAuthentication without a selector in Istio's root namespace '{root}' applies to the whole mesh.");
            }
            var pa = For(scope.Namespace ?? root, scope.Workload);
            if (scope.Port is { } port)
            {
                if (scope.Workload.IsEmpty)
                {
                    ctx.Unsupported($"{path}.scope.port", "Istio sets port-level mTLS only for workloads chosen by a selector; a namespace-wide port mode is not expressible.");
                    continue;
                }
                pa.Spec.PortLevelMtls ??= new(StringComparer.Ordinal);
                if (!pa.Spec.PortLevelMtls.TryAdd(port.ToString(System.Globalization.CultureInfo.InvariantCulture), mode))
                {
                    ctx.Unsupported(path, "A second mTLS policy for the same port is not written.");
                }
                continue;
            }
            if (pa.Spec.Mtls is not null)
            {
                ctx.Unsupported(path, "A second mTLS policy for the same scope is not written.");
                continue;
            }
            pa.Spec.Mtls = mode;
        }

        var names = new HashSet<(string, string)>();
        foreach (var ((ns, labels), pa) in byScope.OrderBy(e => e.Key.Namespace, StringComparer.Ordinal).ThenBy(e => e.Key.Labels.ToString(), StringComparer.Ordinal))
        {
            var name = labels.IsEmpty ? "default" : WorkloadName(labels);
            if (!names.Add((ns, name))) name = $"{name}-{Hash(labels.ToString())}";
            names.Add((ns, name));
            pa.Metadata.Name = name;
        }
        return byScope.Values.OrderBy(p => p.Metadata.NamespaceProperty, StringComparer.Ordinal).ThenBy(p => p.Metadata.Name, StringComparer.Ordinal);
    }

    /// <summary>A DNS-1123 name from the selector's values: <c>mtls-reviews-v2</c>.</summary>
    internal static string WorkloadName(EquatableMap<string> labels)
    {
        var builder = new StringBuilder("mtls");
        foreach (var value in labels.Values)
        {
            builder.Append('-');
            foreach (var c in value.ToLowerInvariant()) builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }
        var name = builder.ToString().Trim('-');
        return name.Length <= 63 ? name : $"{name[..54].TrimEnd('-')}-{Hash(labels.ToString())}";
    }

    /// <summary>A stable 8-hex-digit FNV-1a hash (never <see cref="string.GetHashCode()"/>, which varies per process).</summary>
    internal static string Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Mode(MtlsMode mode) => mode switch
    {
        MtlsMode.Strict => "STRICT",
        MtlsMode.Permissive => "PERMISSIVE",
        _ => "DISABLE",
    };

    public static IEnumerable<AuthorizationPolicy> AuthorizationPolicies(MeshConfig config, IstioExportContext ctx)
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
                    Rules = Lists.OrNull(policy.Rules.Select(r => Rule(r, ctx))),
                },
            });
        }
        return result.OrderBy(p => p.Metadata.NamespaceProperty, StringComparer.Ordinal).ThenBy(p => p.Metadata.Name, StringComparer.Ordinal);
    }

    private static Resources.Rule Rule(AccessRule rule, IstioExportContext ctx)
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
                Ports = Lists.OrNull(to.Ports.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                Methods = Lists.OrNull(to.Methods),
                Paths = Lists.OrNull(to.Paths),
            };
            if (operation.Ports is not null || operation.Methods is not null || operation.Paths is not null) result.To = [new RuleTo { Operation = operation }];
        }
        return result;
    }
}

using Mesh.Model;
using Mesh.Providers.AppMesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// Access policies: App Mesh has no identity-based authorization, so every policy is reported as a whole. The one thing App
/// Mesh can say is which virtual services a node calls (its <c>backends</c>): <see cref="CallerIndex"/> leaves a service out of the
/// backends of nodes in namespaces its ALLOW policies do not name.
/// </summary>
internal static partial class AccessPolicyMapping
{
    public static void Report(MeshConfig config, AppMeshExportContext ctx)
    {
        for (var i = 0; i < config.AccessPolicies.Count; i++)
        {
            ctx.Unsupported($"$.spec.accessPolicies[{i}]", "App Mesh has no identity-based authorization: the policy is not written (a virtual node's backends only list the virtual services it may call; an ALLOW policy naming only namespaces leaves the service out of the backends of nodes in other namespaces).");
        }
    }

    /// <summary>
    /// Which callers keep each service among their backends, built once per translation: a service is left out of the
    /// backends of nodes in a namespace only when ALLOW policies apply to the whole service (targeting it without a subset,
    /// or its namespace without a target) and each of their rules names callers by namespace only, none of them that one (an
    /// ALLOW policy without rules allows no one). Rules naming anyone else (service accounts, IP blocks, unauthenticated
    /// callers, or no source) keep the backend: App Mesh cannot tell those callers apart.
    /// </summary>
    public sealed class CallerIndex
    {
        // Per target (or per namespace, for namespace-wide policies): null = anyone; else the caller namespaces allowed.
        private readonly Dictionary<ServiceRef, HashSet<string>?> _byService = [];
        private readonly Dictionary<string, HashSet<string>?> _byNamespace = new(StringComparer.Ordinal);

        public CallerIndex(MeshConfig config)
        {
            foreach (var policy in config.AccessPolicies)
            {
                if (policy.Action != AccessAction.Allow) continue;
                HashSet<string>? callers = new(StringComparer.Ordinal);
                foreach (var rule in policy.Rules)
                {
                    // Callers named by anything but their namespace cannot be told apart by App Mesh: they keep the backend.
                    if (rule.From is not { } source || source.Namespaces.IsEmpty || (source with { Namespaces = default, Not = null }).HasAlternatives)
                    {
                        callers = null;
                        break;
                    }
                    callers.UnionWith(source.Namespaces);
                }
                if (policy.Target is { } t)
                {
                    if (t.Subset is null) Merge(_byService, t.Service, callers);
                }
                else if (policy.Namespace is { } ns)
                {
                    Merge(_byNamespace, ns, callers);
                }
            }
        }

        /// <summary>Whether nodes in <paramref name="callerNamespace"/> keep <paramref name="target"/> among their backends.</summary>
        public bool Allows(ServiceRef target, string callerNamespace)
        {
            var byService = _byService.TryGetValue(target, out var s);
            var byNamespace = _byNamespace.TryGetValue(target.Namespace, out var n);
            if (!byService && !byNamespace) return true;
            if ((byService && s is null) || (byNamespace && n is null)) return true;
            return (s?.Contains(callerNamespace) ?? false) || (n?.Contains(callerNamespace) ?? false);
        }

        private static void Merge<TKey>(Dictionary<TKey, HashSet<string>?> map, TKey key, HashSet<string>? callers)
            where TKey : notnull
        {
            if (!map.TryGetValue(key, out var existing)) map[key] = callers;
            else if (existing is not null) map[key] = callers is null ? null : [.. existing, .. callers];
        }
    }
}

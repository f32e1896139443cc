using Mesh.Model;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// Which model services may call a service, for the caller-side upstream overrides: every other service, unless allow
/// policies protect the callee — then only the services one of their rules admits (a service account is the service of its
/// name, as in intentions; a namespace admits its services; a rule without callers admits everyone). Deny policies do not
/// trim (a denied caller's override is harmless).
/// </summary>
internal static class Callers
{
    public static List<ServiceRef> Of(ServiceRef callee, MeshConfig config)
    {
        var allows = config.AccessPolicies.Where(p => p.Action == AccessAction.Allow && Protects(p, callee)).ToList();
        var callers = new List<ServiceRef>();
        var seen = new HashSet<ServiceRef>();
        foreach (var service in config.Services)
        {
            var caller = service.Reference;
            if (caller == callee || !seen.Add(caller)) continue;
            if (allows.Count == 0 || allows.Any(p => p.Rules.Any(r => Admits(r.From, caller)))) callers.Add(caller);
        }
        return callers;
    }

    private static bool Protects(AccessPolicy policy, ServiceRef callee) =>
        policy.Target is { } target ? target.Service == callee && target.Subset is null : policy.Namespace == callee.Namespace;

    private static bool Admits(AccessSource? from, ServiceRef caller)
    {
        if (from is null || (from.ServiceAccounts.Count == 0 && from.Namespaces.Count == 0 && from.IpBlocks.Count == 0 && !from.Unauthenticated)) return true;
        return from.ServiceAccounts.Any(a => a.Name == caller.Name && a.Namespace == caller.Namespace) || from.Namespaces.Contains(caller.Namespace);
    }
}

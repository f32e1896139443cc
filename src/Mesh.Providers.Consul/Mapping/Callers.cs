using Mesh.Model;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// Which model services may call a service, for the caller-side upstream overrides: every other service, unless allow
/// policies protect the callee — then only the services one of their rules admits (a service account is the service of its
/// name, as in intentions; a namespace admits its services; a rule without callers admits everyone). Deny policies do not
/// trim (a denied caller's override is harmless). Built once per translation: the policies are indexed by what they protect
/// and the services by name and namespace, so each callee costs what its callers are, not a scan of the model.
/// </summary>
internal sealed class Callers
{
    private readonly List<ServiceRef> _services = [];
    private readonly Dictionary<ServiceRef, int> _order = [];
    private readonly Dictionary<string, List<int>> _byNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<ServiceRef, List<AccessPolicy>> _allowsByTarget = [];
    private readonly Dictionary<string, List<AccessPolicy>> _allowsByNamespace = new(StringComparer.Ordinal);
    // Scratch for Of: one translation asks for every callee in turn, on one thread.
    private readonly HashSet<int> _admitted = [];
    private readonly List<int> _ordered = [];

    public Callers(MeshConfig config)
    {
        foreach (var service in config.Services)
        {
            var reference = service.Reference;
            if (!_order.TryAdd(reference, _services.Count)) continue;
            if (!_byNamespace.TryGetValue(reference.Namespace, out var inNamespace)) _byNamespace[reference.Namespace] = inNamespace = [];
            inNamespace.Add(_services.Count);
            _services.Add(reference);
        }
        foreach (var policy in config.AccessPolicies)
        {
            if (policy.Action != AccessAction.Allow) continue;
            if (policy.Target is { } target)
            {
                if (target.Subset is null) Add(_allowsByTarget, target.Service, policy);
            }
            else if (policy.Namespace is { } ns)
            {
                Add(_allowsByNamespace, ns, policy);
            }
        }
    }

    /// <summary>The services that may call <paramref name="callee"/>, in model order.</summary>
    public List<ServiceRef> Of(ServiceRef callee)
    {
        var byTarget = _allowsByTarget.GetValueOrDefault(callee);
        var byNamespace = _allowsByNamespace.GetValueOrDefault(callee.Namespace);
        if (byTarget is null && byNamespace is null) return Everyone(callee);
        var admitted = _admitted;
        admitted.Clear();
        foreach (var policy in (IEnumerable<AccessPolicy>?)byTarget ?? [])
        {
            if (!Admit(policy, admitted)) return Everyone(callee);
        }
        foreach (var policy in (IEnumerable<AccessPolicy>?)byNamespace ?? [])
        {
            if (!Admit(policy, admitted)) return Everyone(callee);
        }
        var ordered = _ordered;
        ordered.Clear();
        ordered.AddRange(admitted);
        ordered.Sort();
        var callers = new List<ServiceRef>(ordered.Count);
        foreach (var i in ordered)
        {
            if (_services[i] != callee) callers.Add(_services[i]);
        }
        return callers;
    }

    /// <summary>Adds the services <paramref name="policy"/> admits; false when a rule admits everyone.</summary>
    private bool Admit(AccessPolicy policy, HashSet<int> admitted)
    {
        foreach (var rule in policy.Rules)
        {
            var from = rule.From;
            // Anyone, or every authenticated workload (every service of the mesh), may call.
            if (from is null || !from.HasAlternatives || from.Authenticated) return false;
            foreach (var account in from.ServiceAccounts)
            {
                if (_order.TryGetValue(new ServiceRef(account.Name, account.Namespace), out var i)) admitted.Add(i);
            }
            foreach (var ns in from.Namespaces)
            {
                if (_byNamespace.TryGetValue(ns, out var inNamespace)) admitted.UnionWith(inNamespace);
            }
        }
        return true;
    }

    private List<ServiceRef> Everyone(ServiceRef callee)
    {
        var callers = new List<ServiceRef>(_services.Count);
        foreach (var service in _services)
        {
            if (service != callee) callers.Add(service);
        }
        return callers;
    }

    private static void Add<TKey>(Dictionary<TKey, List<AccessPolicy>> index, TKey key, AccessPolicy policy)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(policy);
    }
}

using System.Globalization;
using Mesh.Model;

namespace Mesh.Kubernetes;

/// <summary>A leaf Service: the Service that stands for one subset of a service on a mesh that routes to Services.</summary>
/// <param name="Parent">The service.</param>
/// <param name="Subset">The subset.</param>
/// <param name="Name">The leaf Service's name (in the parent's namespace).</param>
public sealed record LeafService(MeshService Parent, Subset Subset, string Name)
{
    /// <summary>The leaf Service as a reference.</summary>
    public ServiceRef Reference => new(Name, Parent.Namespace);
}

/// <summary>
/// The leaf Services of one translation: one for each subset that a route, mirror or TCP route of the model sends to, named
/// <c>&lt;service&gt;-&lt;subset&gt;</c> unless that name is taken or longer than 63 characters (then a shortened name with a
/// hash suffix). Exporters resolve each backend through <see cref="Target"/>, so a 90/10 split between two subsets becomes a
/// 90/10 split between two leaf Services selecting the same two sets of pods.
/// </summary>
public sealed class LeafServicePlan
{
    private readonly Dictionary<(ServiceRef Service, string Subset), LeafService> _leaves;

    private LeafServicePlan(Dictionary<(ServiceRef, string), LeafService> leaves, IReadOnlyList<LeafService> ordered)
    {
        _leaves = leaves;
        Leaves = ordered;
    }

    /// <summary>The plan without leaf Services (a mesh where subsets are native).</summary>
    public static LeafServicePlan Empty { get; } = new([], []);

    /// <summary>The leaf Services, ordered by namespace, service and subset.</summary>
    public IReadOnlyList<LeafService> Leaves { get; }

    /// <summary>Plans the leaf Services of <paramref name="config"/> (a valid model).</summary>
    /// <param name="config">The model.</param>
    /// <returns>The plan.</returns>
    public static LeafServicePlan Create(MeshConfig config) => Create(config, everySubset: false);

    /// <summary>
    /// Plans the leaf Services of <paramref name="config"/> (a valid model): with <paramref name="everySubset"/>, one for every
    /// subset of every service (a mesh that addresses each subset by its own DNS name, such as App Mesh's virtual nodes), else one
    /// for each subset a route, mirror or TCP route sends to.
    /// </summary>
    /// <param name="config">The model.</param>
    /// <param name="everySubset">Whether every subset gets a leaf Service.</param>
    /// <returns>The plan.</returns>
    public static LeafServicePlan Create(MeshConfig config, bool everySubset)
    {
        ArgumentNullException.ThrowIfNull(config);
        var wanted = new HashSet<(string Namespace, string Service, string Subset)>();
        void Want(ServiceRef service, string? subset)
        {
            if (subset is not null && service.Name is not null && service.Namespace is not null) wanted.Add((service.Namespace, service.Name, subset));
        }
        if (everySubset)
        {
            foreach (var service in config.Services)
            {
                foreach (var subset in service.Subsets) Want(service.Reference, subset.Name);
            }
        }
        foreach (var route in config.Routes)
        {
            foreach (var rule in route.Rules)
            {
                foreach (var backend in rule.Backends) Want(backend.Service, backend.Subset);
                if (rule.Mirror is { } mirror) Want(mirror.Service, mirror.Subset);
            }
        }
        foreach (var rule in config.GatewayRoutes.SelectMany(r => r.Rules))
        {
            foreach (var backend in rule.Backends) Want(backend.Service, backend.Subset);
            if (rule.Mirror is { } mirror) Want(mirror.Service, mirror.Subset);
        }
        foreach (var tcp in config.TcpRoutes)
        {
            foreach (var backend in tcp.Backends) Want(backend.Service, backend.Subset);
        }
        foreach (var backend in config.GatewayTlsRoutes.SelectMany(r => r.Backends).Concat(config.GatewayTcpRoutes.SelectMany(r => r.Backends))) Want(backend.Service, backend.Subset);
        if (wanted.Count == 0) return Empty;

        var taken = new HashSet<(string, string)>();
        foreach (var service in config.Services) taken.Add((service.Namespace, service.Name));
        foreach (var external in config.ExternalServices) taken.Add((external.Namespace, external.Name));
        var byRef = new Dictionary<ServiceRef, MeshService>();
        foreach (var service in config.Services) byRef.TryAdd(service.Reference, service);

        // Ordinal order (a tuple's default comparison of strings follows the current culture, so names and output order would
        // depend on the machine).
        var sorted = new List<(string Namespace, string Service, string Subset)>(wanted);
        sorted.Sort(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.Namespace, b.Namespace);
            if (c == 0) c = string.CompareOrdinal(a.Service, b.Service);
            return c != 0 ? c : string.CompareOrdinal(a.Subset, b.Subset);
        });
        var leaves = new Dictionary<(ServiceRef, string), LeafService>(sorted.Count);
        var ordered = new List<LeafService>(sorted.Count);
        foreach (var (ns, name, subsetName) in sorted)
        {
            var reference = new ServiceRef(name, ns);
            if (!byRef.TryGetValue(reference, out var parent) || parent.FindSubset(subsetName) is not { } subset) continue;
            var leafName = NameFor(name, subsetName, ns, taken);
            taken.Add((ns, leafName));
            var leaf = new LeafService(parent, subset, leafName);
            leaves[(reference, subsetName)] = leaf;
            ordered.Add(leaf);
        }
        return new LeafServicePlan(leaves, ordered);
    }

    /// <summary>The Service a backend addresses: the leaf Service of (<paramref name="service"/>, <paramref name="subset"/>), else the service itself.</summary>
    /// <param name="service">The backend's service.</param>
    /// <param name="subset">The backend's subset, or null.</param>
    /// <returns>The Service to name in the backend reference.</returns>
    public ServiceRef Target(ServiceRef service, string? subset) =>
        subset is not null && _leaves.TryGetValue((service, subset), out var leaf) ? leaf.Reference : service;

    /// <summary>Whether (<paramref name="service"/>, <paramref name="subset"/>) has a leaf Service.</summary>
    /// <param name="service">The service.</param>
    /// <param name="subset">The subset, or null.</param>
    /// <returns>Whether the backend is routed to a leaf Service.</returns>
    public bool HasLeaf(ServiceRef service, string? subset) => subset is not null && _leaves.ContainsKey((service, subset));

    private static string NameFor(string service, string subset, string ns, HashSet<(string, string)> taken)
    {
        var name = $"{service}-{subset}";
        if (name.Length <= Validation.DnsNames.MaxLabelLength && !taken.Contains((ns, name))) return name;
        // A stable suffix from what the leaf stands for, so a name never depends on the order of other services.
        var hash = Fnv1a($"{ns}/{service}/{subset}").ToString("x8", CultureInfo.InvariantCulture)[..6];
        var stem = name[..Math.Min(name.Length, Validation.DnsNames.MaxLabelLength - 7)].TrimEnd('-');
        for (var n = 0; ; n++)
        {
            var candidate = n == 0 ? $"{stem}-{hash}" : $"{stem[..Math.Min(stem.Length, Validation.DnsNames.MaxLabelLength - 8 - n.ToString(CultureInfo.InvariantCulture).Length)].TrimEnd('-')}-{hash}{n}";
            if (!taken.Contains((ns, candidate))) return candidate;
        }
    }

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return hash;
    }
}

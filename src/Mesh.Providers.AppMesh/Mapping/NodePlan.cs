using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// A virtual node to write: a whole service (no subsets), one subset of a service, or an external service (with the one host
/// its DNS discovery resolves). <see cref="Index"/> is the position in <c>spec.services</c> or <c>spec.externalServices</c>,
/// for diagnostic paths.
/// </summary>
internal sealed record PlannedNode(string Name, string Namespace, int Index, MeshService? Service = null, Subset? Subset = null, ExternalService? External = null, string? Host = null)
{
    /// <summary>The model service (or external service) the node belongs to.</summary>
    public ServiceRef Owner => Service?.Reference ?? new ServiceRef(External!.Name, External.Namespace);

    /// <summary>The ports the node listens on.</summary>
    public EquatableArray<ServicePort> Ports => Service?.Ports ?? External!.Ports;

    /// <summary>The labels of the node's pods (the service's selector ∪ the subset's labels); empty for an external service.</summary>
    public EquatableMap<string> Labels { get; init; } = Service is null ? EquatableMap<string>.Empty : Service.WorkloadLabels(Subset?.Name) ?? Service.EffectiveSelector;

    /// <summary>The model path of the node's service, <c>$.spec.services[i]</c> or <c>$.spec.externalServices[i]</c>.</summary>
    public string Path => Service is null ? $"$.spec.externalServices[{Index}]" : $"$.spec.services[{Index}]";
}

/// <summary>
/// Which virtual nodes exist and what each (service, subset) is called. App Mesh rejects a pod matched by two nodes, so a
/// service with subsets has one node per subset (named after the kit's leaf Service of the subset, which its DNS discovery
/// names) and none for the whole service; a service without subsets has one node named after it; an external service that
/// can be written has one node named after it.
/// </summary>
internal sealed class NodePlan
{
    private readonly Dictionary<ServiceRef, List<PlannedNode>> _byOwner;
    private readonly Dictionary<(ServiceRef Owner, string Subset), IReadOnlyList<PlannedNode>> _bySubset = [];

    private NodePlan(LeafServicePlan leaves, List<PlannedNode> nodes)
    {
        Leaves = leaves;
        Nodes = nodes;
        _byOwner = [];
        foreach (var node in nodes)
        {
            if (!_byOwner.TryGetValue(node.Owner, out var list)) _byOwner[node.Owner] = list = [];
            list.Add(node);
            if (node.Subset is { } subset) _bySubset.TryAdd((node.Owner, subset.Name), [node]);
        }
    }

    public static NodePlan Empty { get; } = new(LeafServicePlan.Empty, []);

    /// <summary>The leaf Services of every subset (<see cref="LeafServicePlan.Create(MeshConfig, bool)"/> with every subset).</summary>
    public LeafServicePlan Leaves { get; }

    /// <summary>Every node, services' first (model order), then external services'.</summary>
    public IReadOnlyList<PlannedNode> Nodes { get; }

    /// <summary>The plan of <paramref name="config"/>, its subset nodes named after <paramref name="leaves"/> (planned with every subset).</summary>
    public static NodePlan Create(MeshConfig config, LeafServicePlan leaves, IReadOnlyList<PlannedNode> externals)
    {
        var nodes = new List<PlannedNode>();
        var seen = new HashSet<ServiceRef>();
        for (var i = 0; i < config.Services.Count; i++)
        {
            var service = config.Services[i];
            if (!seen.Add(service.Reference)) continue;
            if (service.Subsets.IsEmpty)
            {
                nodes.Add(new PlannedNode(service.Name, service.Namespace, i, service));
                continue;
            }
            foreach (var subset in service.Subsets)
            {
                nodes.Add(new PlannedNode(leaves.Target(service.Reference, subset.Name).Name, service.Namespace, i, service, subset));
            }
        }
        nodes.AddRange(externals);
        return new NodePlan(leaves, nodes);
    }

    /// <summary>
    /// The nodes traffic to (<paramref name="service"/>, <paramref name="subset"/>) goes to: the subset's node; for the whole
    /// service, its one node or every subset's node; empty for an unknown subset or an external service not written.
    /// </summary>
    public IReadOnlyList<PlannedNode> Targets(ServiceRef service, string? subset)
    {
        if (subset is not null) return _bySubset.TryGetValue((service, subset), out var one) ? one : [];
        return _byOwner.TryGetValue(service, out var nodes) ? nodes : [];
    }

    /// <summary>Whether the service or external service has any node.</summary>
    public bool Has(ServiceRef owner) => _byOwner.ContainsKey(owner);
}

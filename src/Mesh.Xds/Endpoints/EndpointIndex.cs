using Mesh.Model;

namespace Mesh.Xds;

/// <summary>
/// The endpoints of a snapshot by service and port (<see cref="EndpointList"/>: sorted, locality runs found), so
/// that load assignments come out in a deterministic order and group localities cheaply. Built once per snapshot
/// and shared by every proxy encoded from it.
/// </summary>
internal sealed class EndpointIndex
{
    private readonly Dictionary<(ServiceRef, int), EndpointList> _byPort;

    public EndpointIndex(EndpointSnapshot snapshot)
    {
        var lists = new Dictionary<(ServiceRef, int), List<EndpointAddress>>();
        foreach (var entry in snapshot.Services)
        {
            if (!lists.TryGetValue((entry.Service, entry.Port), out var list)) lists[(entry.Service, entry.Port)] = list = [];
            list.AddRange(entry.Addresses);
        }
        // Lists are built in the order of the cluster names that read them ("name.namespace", then port), so that
        // encoding load assignments in plan order walks them roughly sequentially in memory.
        var keys = lists.Keys.ToArray();
        var order = keys.Select(k => $"{k.Item1.Name}.{k.Item1.Namespace}").ToArray();
        var positions = Enumerable.Range(0, keys.Length).ToArray();
        Array.Sort(positions, (a, b) =>
        {
            var c = string.CompareOrdinal(order[a], order[b]);
            return c != 0 ? c : keys[a].Item2.CompareTo(keys[b].Item2);
        });
        _byPort = new Dictionary<(ServiceRef, int), EndpointList>(lists.Count);
        foreach (var position in positions) _byPort[keys[position]] = EndpointList.Create(lists[keys[position]], keys[position].Item2);
    }

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<Planning.XdsPlan, ResolvedEndpoints> _resolved = [];

    /// <summary>
    /// For every cluster of <paramref name="plan"/>, in plan order, its endpoint list and subset selection, looked up
    /// once per plan and index (then cached here, keyed weakly by the plan), so that encoding all load assignments
    /// walks two arrays instead of hashing a service reference and a label set per cluster.
    /// </summary>
    public ResolvedEndpoints Resolve(Planning.XdsPlan plan) => _resolved.TryGetValue(plan, out var resolved) ? resolved : ResolveNew(plan);

    // Apart from Resolve so that its closure is allocated only on a cache miss, not on every call.
    private ResolvedEndpoints ResolveNew(Planning.XdsPlan plan)
    {
        var clusters = plan.Clusters;
        var lists = new EndpointList[clusters.Length];
        var selections = new bool[]?[clusters.Length];
        for (var i = 0; i < clusters.Length; i++)
        {
            var cluster = clusters[i];
            lists[i] = Get(cluster.Service, cluster.Port);
            selections[i] = cluster.SubsetLabels.Length == 0 ? null : lists[i].SelectionFor(cluster.SubsetLabels);
        }
        return _resolved.GetValue(plan, _ => new ResolvedEndpoints(lists, selections));
    }

    /// <summary>The endpoints of one service port; empty when there are none.</summary>
    public EndpointList Get(ServiceRef service, int port) => _byPort.TryGetValue((service, port), out var list) ? list : EndpointList.Empty;

    /// <summary>The endpoints of one service port, found by scanning (for one-off lookups without an index).</summary>
    public static EndpointList Scan(EndpointSnapshot snapshot, ServiceRef service, int port)
    {
        List<EndpointAddress>? list = null;
        foreach (var entry in snapshot.Services)
        {
            if (entry.Port != port || entry.Service != service) continue;
            (list ??= []).AddRange(entry.Addresses);
        }
        return list is null ? EndpointList.Empty : EndpointList.Create(list, port);
    }
}

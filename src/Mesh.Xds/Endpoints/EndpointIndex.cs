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
        _byPort = new Dictionary<(ServiceRef, int), EndpointList>(lists.Count);
        foreach (var (key, list) in lists) _byPort[key] = EndpointList.Create(list, key.Item2);
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

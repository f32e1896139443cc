using Mesh.Model;

namespace Mesh.Xds;

/// <summary>
/// The endpoints of a snapshot by service and port, each list sorted by locality then address, so that load
/// assignments group localities as runs and come out in a deterministic order. Built once per snapshot.
/// </summary>
internal sealed class EndpointIndex
{
    private static readonly IComparer<EndpointAddress> Order = Comparer<EndpointAddress>.Create(Compare);
    private readonly Dictionary<(ServiceRef, int), EndpointAddress[]> _byPort;

    public EndpointIndex(EndpointSnapshot snapshot)
    {
        var lists = new Dictionary<(ServiceRef, int), List<EndpointAddress>>();
        foreach (var entry in snapshot.Services)
        {
            if (!lists.TryGetValue((entry.Service, entry.Port), out var list)) lists[(entry.Service, entry.Port)] = list = [];
            list.AddRange(entry.Addresses);
        }
        _byPort = new Dictionary<(ServiceRef, int), EndpointAddress[]>(lists.Count);
        foreach (var (key, list) in lists) _byPort[key] = Sorted(list);
    }

    /// <summary>The sorted endpoints of one service port; empty when there are none.</summary>
    public EndpointAddress[] Get(ServiceRef service, int port) => _byPort.TryGetValue((service, port), out var list) ? list : [];

    /// <summary>The sorted endpoints of one service port, found by scanning (for one-off lookups without an index).</summary>
    public static EndpointAddress[] Scan(EndpointSnapshot snapshot, ServiceRef service, int port)
    {
        List<EndpointAddress>? list = null;
        foreach (var entry in snapshot.Services)
        {
            if (entry.Port != port || entry.Service != service) continue;
            (list ??= []).AddRange(entry.Addresses);
        }
        return list is null ? [] : Sorted(list);
    }

    private static EndpointAddress[] Sorted(List<EndpointAddress> list)
    {
        var array = list.ToArray();
        Array.Sort(array, Order);
        return array;
    }

    private static int Compare(EndpointAddress? a, EndpointAddress? b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return -1;
        if (b is null) return 1;
        var la = a.Locality ?? EndpointLocality.Unknown;
        var lb = b.Locality ?? EndpointLocality.Unknown;
        var c = string.CompareOrdinal(la.Region, lb.Region);
        if (c == 0) c = string.CompareOrdinal(la.Zone, lb.Zone);
        if (c == 0) c = string.CompareOrdinal(la.SubZone, lb.SubZone);
        if (c == 0) c = string.CompareOrdinal(a.Address, b.Address);
        if (c == 0) c = Nullable.Compare(a.Port, b.Port);
        return c;
    }
}

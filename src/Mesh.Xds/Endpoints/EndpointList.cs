namespace Mesh.Xds;

/// <summary>
/// The endpoints of one service port, sorted by locality then address, with the locality runs precomputed so
/// that encoding groups localities without comparing strings.
/// </summary>
internal sealed class EndpointList
{
    private static readonly IComparer<EndpointAddress> Order = Comparer<EndpointAddress>.Create(Compare);

    private EndpointList(EndpointAddress[] endpoints, int[] runEnds)
    {
        Endpoints = endpoints;
        RunEnds = runEnds;
        AddressUtf8 = [.. endpoints.Select(e => System.Text.Encoding.UTF8.GetBytes(e.Address ?? string.Empty))];
        var localities = new byte[runEnds.Length * 3][];
        var start = 0;
        for (var r = 0; r < runEnds.Length; r++)
        {
            var locality = endpoints[start].Locality ?? EndpointLocality.Unknown;
            localities[r * 3] = System.Text.Encoding.UTF8.GetBytes(locality.Region ?? string.Empty);
            localities[r * 3 + 1] = System.Text.Encoding.UTF8.GetBytes(locality.Zone ?? string.Empty);
            localities[r * 3 + 2] = System.Text.Encoding.UTF8.GetBytes(locality.SubZone ?? string.Empty);
            start = runEnds[r];
        }
        LocalityUtf8 = localities;
    }

    /// <summary>A list with no endpoints.</summary>
    public static EndpointList Empty { get; } = new([], []);

    /// <summary>Each endpoint's address as UTF-8, encoded once per snapshot.</summary>
    public byte[][] AddressUtf8 { get; }

    /// <summary>For each locality run, its region, zone and sub-zone as UTF-8 (three entries per run).</summary>
    public byte[][] LocalityUtf8 { get; }

    /// <summary>The endpoints, sorted.</summary>
    public EndpointAddress[] Endpoints { get; }

    /// <summary>The exclusive end of each locality run, in order (the last equals the endpoint count).</summary>
    public int[] RunEnds { get; }

    private System.Collections.Concurrent.ConcurrentDictionary<KeyValuePair<string, string>[], bool[]>? _selections;

    /// <summary>
    /// Which endpoints carry every label of a subset, computed once per list and label set (label sets are the
    /// plan's arrays, so the cache is keyed by reference and shared by every proxy encoded from this snapshot).
    /// </summary>
    public bool[] SelectionFor(KeyValuePair<string, string>[] labels) =>
        LazyInitializer.EnsureInitialized(ref _selections, () => new(ReferenceEqualityComparer.Instance)).GetOrAdd(labels, Select, Endpoints);

    private static bool[] Select(KeyValuePair<string, string>[] labels, EndpointAddress[] endpoints)
    {
        var selected = new bool[endpoints.Length];
        for (var k = 0; k < endpoints.Length; k++)
        {
            var all = true;
            foreach (var (key, value) in labels)
            {
                if (!endpoints[k].Labels.TryGetValue(key, out var actual) || !string.Equals(actual, value, StringComparison.Ordinal))
                {
                    all = false;
                    break;
                }
            }
            selected[k] = all;
        }
        return selected;
    }

    /// <summary>Sorts endpoints and finds their locality runs.</summary>
    public static EndpointList Create(List<EndpointAddress> endpoints)
    {
        if (endpoints.Count == 0) return Empty;
        var sorted = endpoints.ToArray();
        Array.Sort(sorted, Order);
        var runs = new List<int>();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (!Equals(sorted[i - 1].Locality ?? EndpointLocality.Unknown, sorted[i].Locality ?? EndpointLocality.Unknown)) runs.Add(i);
        }
        runs.Add(sorted.Length);
        return new EndpointList(sorted, [.. runs]);
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

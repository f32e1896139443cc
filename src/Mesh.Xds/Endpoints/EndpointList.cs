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
    }

    /// <summary>A list with no endpoints.</summary>
    public static EndpointList Empty { get; } = new([], []);

    /// <summary>The endpoints, sorted.</summary>
    public EndpointAddress[] Endpoints { get; }

    /// <summary>The exclusive end of each locality run, in order (the last equals the endpoint count).</summary>
    public int[] RunEnds { get; }

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

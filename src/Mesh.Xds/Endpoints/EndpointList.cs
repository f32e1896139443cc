using Mesh.Xds.Encoders;
using Mesh.Xds.Wire;

namespace Mesh.Xds;

/// <summary>
/// The endpoints of one service port, sorted by locality then address, with the locality runs precomputed so
/// that encoding groups localities without comparing strings, and each endpoint and locality pre-encoded once
/// (per snapshot) in one contiguous array so that load assignments copy bytes instead of re-encoding them.
/// </summary>
internal sealed class EndpointList
{
    private static readonly IComparer<EndpointAddress> Order = Comparer<EndpointAddress>.Create(Compare);

    private EndpointList(EndpointAddress[] endpoints, int[] runEnds, int port)
    {
        Endpoints = endpoints;
        RunEnds = runEnds;
        Weights = new int[endpoints.Length];
        EncodedEnds = new int[endpoints.Length];
        using var buffer = new PooledBufferWriter(Math.Max(64, endpoints.Length * 48));
        for (var k = 0; k < endpoints.Length; k++)
        {
            var endpoint = endpoints[k];
            var address = System.Text.Encoding.UTF8.GetBytes(endpoint.Address ?? string.Empty);
            ProtoEncoding.Write(buffer, new LbEndpointEncoder(address, (ulong)(endpoint.Port ?? port), endpoint.Health, endpoint.Weight));
            EncodedEnds[k] = buffer.WrittenCount;
            Weights[k] = endpoint.Weight;
        }
        Encoded = buffer.WrittenSpan.ToArray();
        var localities = new byte[runEnds.Length][];
        var runWeights = new long[runEnds.Length];
        var start = 0;
        for (var r = 0; r < runEnds.Length; r++)
        {
            using var locality = new PooledBufferWriter(64);
            ProtoEncoding.Write(locality, new LocalityEncoder(endpoints[start].Locality ?? EndpointLocality.Unknown));
            localities[r] = locality.WrittenSpan.ToArray();
            for (var k = start; k < runEnds[r]; k++) runWeights[r] += endpoints[k].Weight;
            start = runEnds[r];
        }
        LocalityFields = localities;
        RunWeights = runWeights;
    }

    /// <summary>A list with no endpoints.</summary>
    public static EndpointList Empty { get; } = new([], [], 0);

    /// <summary>The endpoints, sorted.</summary>
    public EndpointAddress[] Endpoints { get; }

    /// <summary>The exclusive end of each locality run, in order (the last equals the endpoint count).</summary>
    public int[] RunEnds { get; }

    /// <summary>Each endpoint's load-balancing weight, as given.</summary>
    public int[] Weights { get; }

    /// <summary>For each locality run, the sum of its endpoints' weights.</summary>
    public long[] RunWeights { get; }

    /// <summary>For each locality run, its <c>locality</c> field (field 1 of LocalityLbEndpoints) encoded.</summary>
    public byte[][] LocalityFields { get; }

    /// <summary>Every endpoint's <c>lb_endpoints</c> field (field 2 of LocalityLbEndpoints) encoded, in order.</summary>
    public byte[] Encoded { get; }

    /// <summary>The exclusive end of each endpoint's bytes in <see cref="Encoded"/>.</summary>
    public int[] EncodedEnds { get; }

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

    /// <summary>Sorts endpoints, finds their locality runs and encodes them for the service port <paramref name="port"/>.</summary>
    public static EndpointList Create(List<EndpointAddress> endpoints, int port)
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
        return new EndpointList(sorted, [.. runs], port);
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

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
        Runs = runEnds.Length;
        RunsStart = endpoints.Length * 2;
        var layout = new int[endpoints.Length * 2 + runEnds.Length * 3];
        using var buffer = new PooledBufferWriter(Math.Max(64, endpoints.Length * 48));
        for (var k = 0; k < endpoints.Length; k++)
        {
            var endpoint = endpoints[k];
            var address = System.Text.Encoding.UTF8.GetBytes(endpoint.Address ?? string.Empty);
            ProtoEncoding.Write(buffer, new LbEndpointEncoder(address, (ulong)(endpoint.Port ?? port), endpoint.Health, endpoint.Weight));
            layout[k * 2] = buffer.WrittenCount;
            layout[k * 2 + 1] = endpoint.Weight;
        }
        var start = 0;
        var runs = endpoints.Length * 2;
        for (var r = 0; r < runEnds.Length; r++)
        {
            layout[runs + r * 3] = runEnds[r];
            layout[runs + r * 3 + 1] = buffer.WrittenCount;
            ProtoEncoding.Write(buffer, new LocalityEncoder(endpoints[start].Locality ?? EndpointLocality.Unknown));
            layout[runs + r * 3 + 2] = buffer.WrittenCount;
            start = runEnds[r];
        }
        Encoded = buffer.WrittenSpan.ToArray();
        Layout = layout;
    }

    /// <summary>A list with no endpoints.</summary>
    public static EndpointList Empty { get; } = new([], [], 0);

    /// <summary>The endpoints, sorted.</summary>
    public EndpointAddress[] Endpoints { get; }

    /// <summary>How many locality runs the endpoints form.</summary>
    public int Runs { get; }

    /// <summary>Where the locality runs start in <see cref="Layout"/> (twice the endpoint count).</summary>
    public int RunsStart { get; }

    /// <summary>
    /// Every endpoint's <c>lb_endpoints</c> field (field 2 of LocalityLbEndpoints) encoded, in order, then every
    /// locality run's <c>locality</c> field (field 1), in one array so that a load assignment touches few cache lines.
    /// </summary>
    public byte[] Encoded { get; }

    /// <summary>
    /// Where things are in <see cref="Encoded"/>, in one array: for each endpoint <c>k</c>, the exclusive end of its
    /// bytes at <c>2k</c> and its weight at <c>2k + 1</c>; then, from <c>2 × endpoint count</c>, for each locality
    /// run <c>r</c>: the exclusive end of its endpoints at <c>3r</c> and the start and end of its locality field at
    /// <c>3r + 1</c> and <c>3r + 2</c>.
    /// </summary>
    public int[] Layout { get; }

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

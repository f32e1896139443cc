using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Mesh.Xds.Server.Diagnostics;
using Mesh.Xds.Server.Protocol;

namespace Mesh.Xds.Server.Cache;

/// <summary>
/// A snapshot as the streams of its node group serve it. Every piece of wire format a response needs — a whole
/// state-of-the-world body, one resource wrapped in <c>Any</c>, one resource wrapped in a delta <c>Resource</c> — is
/// encoded here, lazily, at most once, and shared by every stream: a change pushed to a thousand streams is encoded
/// once. Pieces of resources whose version did not change are carried over from the previous snapshot.
/// </summary>
internal sealed class ServedSnapshot
{
    private const int TypeCount = 4;

    /// <summary>
    /// How many named selections (distinct sets of subscribed names) of one type a snapshot shares. Streams of one node
    /// group ask for the same few; a client changing its names again and again gets bodies built for it alone, so it
    /// cannot make the snapshot keep one body per selection it tried.
    /// </summary>
    internal const int SharedSelections = 32;
    private readonly ServerMetrics _metrics;
    private readonly SotwBody?[] _wildcard = new SotwBody?[TypeCount];
    private readonly ConcurrentDictionary<ulong, Lazy<SotwBody>>[] _named = new ConcurrentDictionary<ulong, Lazy<SotwBody>>[TypeCount];
    private readonly int[] _namedCount = new int[TypeCount];
    // Streams racing for a piece not built yet wait for the first instead of building it too: encoded once, not once per racer.
    private readonly Lock[] _builds = [new(), new(), new(), new()];
    private readonly byte[]?[][] _anyEntries = new byte[]?[TypeCount][];
    private readonly byte[]?[][] _deltaEntries = new byte[]?[TypeCount][];
    private readonly Dictionary<string, int>?[] _indexes = new Dictionary<string, int>?[TypeCount];

    public ServedSnapshot(XdsSnapshot snapshot, long setAt, ServedSnapshot? previous, ServerMetrics metrics)
    {
        Snapshot = snapshot;
        SetAt = setAt;
        _metrics = metrics;
        for (var t = 0; t < TypeCount; t++)
        {
            var set = snapshot[(XdsResourceType)t];
            _named[t] = new ConcurrentDictionary<ulong, Lazy<SotwBody>>();
            _anyEntries[t] = new byte[]?[set.Count];
            _deltaEntries[t] = new byte[]?[set.Count];
            if (previous is not null) CarryOver(previous, (XdsResourceType)t);
        }
    }

    /// <summary>The snapshot.</summary>
    public XdsSnapshot Snapshot { get; }

    /// <summary>When the host set it (<see cref="System.Diagnostics.Stopwatch"/> ticks): push latency is measured from here.</summary>
    public long SetAt { get; }

    /// <summary>A resource's position in its set, or -1.</summary>
    public int IndexOf(XdsResourceType type, string name)
    {
        var index = Volatile.Read(ref _indexes[(int)type]);
        if (index is null)
        {
            var set = Snapshot[type];
            index = new Dictionary<string, int>(set.Count, StringComparer.Ordinal);
            for (var i = 0; i < set.Count; i++) index[set[i].Name] = i;
            Volatile.Write(ref _indexes[(int)type], index);
        }
        return index.TryGetValue(name, out var found) ? found : -1;
    }

    /// <summary>The state-of-the-world body for every resource of a type (LDS/CDS wildcard).</summary>
    public SotwBody Wildcard(XdsResourceType type)
    {
        if (Volatile.Read(ref _wildcard[(int)type]) is { } body) return body;
        lock (_builds[(int)type])
        {
            if (_wildcard[(int)type] is { } built) return built;
            var set = Snapshot[type];
            // Mesh.Xds writes version_info, the resources and type_url; without a nonce the stream appends its own.
            body = new SotwBody(set.Version.ToString("x16", CultureInfo.InvariantCulture), Snapshot.ToDiscoveryResponse(type, nonce: null));
            _metrics.Encoded(type, "sotw");
            Volatile.Write(ref _wildcard[(int)type], body);
            return body;
        }
    }

    /// <summary>
    /// The state-of-the-world body for the named resources of a type that exist (positions in name order). Its version
    /// hashes their names and versions, so it is the same on every replica and changes only when one of them changes.
    /// </summary>
    public SotwBody Named(XdsResourceType type, IReadOnlyList<int> indexes)
    {
        var t = (int)type;
        var key = SelectionVersion(Snapshot[type], indexes);
        var named = _named[t];
        if (named.TryGetValue(key, out var shared)) return shared.Value;
        // Past the limit a selection is encoded for the stream that asks and not kept.
        if (Volatile.Read(ref _namedCount[t]) >= SharedSelections) return BuildNamed(type, indexes, key);
        var built = new Lazy<SotwBody>(() => BuildNamed(type, indexes, key), LazyThreadSafetyMode.ExecutionAndPublication);
        if (!named.TryAdd(key, built)) return named[key].Value;
        Interlocked.Increment(ref _namedCount[t]);
        return built.Value;
    }

    private SotwBody BuildNamed(XdsResourceType type, IReadOnlyList<int> indexes, ulong key)
    {
        var version = key.ToString("x16", CultureInfo.InvariantCulture);
        var typeUrl = XdsTypeUrls.Of(type);
        var entries = new byte[indexes.Count][];
        var size = WireBuilder.StringFieldSize(DiscoveryResponseFields.VersionInfo, version) + WireBuilder.StringFieldSize(DiscoveryResponseFields.TypeUrl, typeUrl);
        for (var i = 0; i < indexes.Count; i++)
        {
            entries[i] = AnyEntry(type, indexes[i]);
            size += entries[i].Length;
        }
        var bytes = new byte[size];
        var w = new WireBuilder(bytes);
        w.String(DiscoveryResponseFields.VersionInfo, version);
        var offset = w.Written;
        foreach (var entry in entries)
        {
            entry.CopyTo(bytes, offset);
            offset += entry.Length;
        }
        var tail = new WireBuilder(bytes.AsSpan(offset));
        tail.String(DiscoveryResponseFields.TypeUrl, typeUrl);
        _metrics.Encoded(type, "sotw");
        return new SotwBody(version, bytes);
    }

    /// <summary>One resource as a delta <c>resources</c> entry (a <c>Resource</c> with version, <c>Any</c> and name), tag included.</summary>
    public byte[] DeltaEntry(XdsResourceType type, int index)
    {
        ref var slot = ref _deltaEntries[(int)type][index];
        if (Volatile.Read(ref slot) is { } entry) return entry;
        lock (_builds[(int)type])
        {
            if (slot is { } built) return built;
            entry = EncodeDeltaEntry(type, index);
            Volatile.Write(ref slot, entry);
            return entry;
        }
    }

    private byte[] EncodeDeltaEntry(XdsResourceType type, int index)
    {
        var resource = Snapshot[type][index];
        var typeUrl = XdsTypeUrls.Of(type);
        var version = resource.VersionText;
        var anySize = WireBuilder.StringFieldSize(AnyFields.TypeUrl, typeUrl) + WireBuilder.BytesFieldSize(AnyFields.Value, resource.Payload.Length);
        var resourceSize = WireBuilder.StringFieldSize(ResourceFields.Version, version)
            + WireBuilder.BytesFieldSize(ResourceFields.Resource, anySize)
            + WireBuilder.StringFieldSize(ResourceFields.Name, resource.Name);
        var entry = new byte[WireBuilder.BytesFieldSize(DeltaDiscoveryResponseFields.Resources, resourceSize)];
        var w = new WireBuilder(entry);
        w.BeginBytes(DeltaDiscoveryResponseFields.Resources, resourceSize);
        w.String(ResourceFields.Version, version);
        w.BeginBytes(ResourceFields.Resource, anySize);
        w.String(AnyFields.TypeUrl, typeUrl);
        w.Bytes(AnyFields.Value, resource.Payload.Span);
        w.String(ResourceFields.Name, resource.Name);
        _metrics.Encoded(type, "delta");
        return entry;
    }

    /// <summary>One resource as a state-of-the-world <c>resources</c> entry (an <c>Any</c>), tag included.</summary>
    private byte[] AnyEntry(XdsResourceType type, int index)
    {
        ref var slot = ref _anyEntries[(int)type][index];
        if (Volatile.Read(ref slot) is { } entry) return entry;
        var resource = Snapshot[type][index];
        var typeUrl = XdsTypeUrls.Of(type);
        var anySize = WireBuilder.StringFieldSize(AnyFields.TypeUrl, typeUrl) + WireBuilder.BytesFieldSize(AnyFields.Value, resource.Payload.Length);
        entry = new byte[WireBuilder.BytesFieldSize(DiscoveryResponseFields.Resources, anySize)];
        var w = new WireBuilder(entry);
        w.BeginBytes(DiscoveryResponseFields.Resources, anySize);
        w.String(AnyFields.TypeUrl, typeUrl);
        w.Bytes(AnyFields.Value, resource.Payload.Span);
        return Interlocked.CompareExchange(ref slot, entry, null) ?? entry;
    }

    private static ulong SelectionVersion(XdsResourceSet set, IReadOnlyList<int> indexes)
    {
        var hash = new XxHash64();
        Span<byte> version = stackalloc byte[8];
        foreach (var index in indexes)
        {
            var resource = set[index];
            // The name's UTF-16 code units: no allocation, and the same on every replica.
            hash.Append(MemoryMarshal.AsBytes(resource.Name.AsSpan()));
            BinaryPrimitives.WriteUInt64LittleEndian(version, resource.Version);
            hash.Append(version);
        }
        return hash.GetCurrentHashAsUInt64();
    }

    /// <summary>Keeps the encoded pieces of resources the update left as they were (same name, same version).</summary>
    private void CarryOver(ServedSnapshot previous, XdsResourceType type)
    {
        var t = (int)type;
        var before = previous.Snapshot[type];
        var after = Snapshot[type];
        var oldAny = previous._anyEntries[t];
        var oldDelta = previous._deltaEntries[t];
        for (var i = 0; i < before.Count; i++)
        {
            var any = Volatile.Read(ref oldAny[i]);
            var delta = Volatile.Read(ref oldDelta[i]);
            if (any is null && delta is null) continue;
            var old = before[i];
            var j = i < after.Count && string.Equals(after[i].Name, old.Name, StringComparison.Ordinal) ? i : IndexOf(type, old.Name);
            if (j < 0 || after[j].Version != old.Version) continue;
            _anyEntries[t][j] = any;
            _deltaEntries[t][j] = delta;
        }
    }
}

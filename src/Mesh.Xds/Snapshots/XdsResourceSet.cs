using System.Collections;
using System.IO.Hashing;

namespace Mesh.Xds;

/// <summary>
/// The encoded resources of one type, sorted by name. Stored in fixed-size chunks so that an incremental update
/// copies only the chunks it changes (copy-on-write), not the whole set.
/// </summary>
public sealed class XdsResourceSet : IReadOnlyList<XdsResource>
{
    private const int ChunkBits = 9;
    private const int ChunkSize = 1 << ChunkBits;
    private readonly XdsResource[][] _chunks;
    private Dictionary<string, int>? _byName;
    private ulong? _version;

    internal XdsResourceSet(XdsResourceType type, XdsResource[] resources)
    {
        Type = type;
        Count = resources.Length;
        _chunks = new XdsResource[(resources.Length + ChunkSize - 1) >> ChunkBits][];
        for (var c = 0; c < _chunks.Length; c++)
        {
            _chunks[c] = resources.AsSpan(c << ChunkBits, Math.Min(ChunkSize, resources.Length - (c << ChunkBits))).ToArray();
        }
    }

    private XdsResourceSet(XdsResourceType type, int count, XdsResource[][] chunks, Dictionary<string, int>? byName)
    {
        Type = type;
        Count = count;
        _chunks = chunks;
        _byName = byName;
    }

    /// <summary>The resource type.</summary>
    public XdsResourceType Type { get; }

    /// <summary>The type URL of the resources.</summary>
    public string TypeUrl => XdsTypeUrls.Of(Type);

    /// <summary>The version of the whole set (a hash of every resource version), used as <c>version_info</c>.</summary>
    public ulong Version => _version ??= ComputeVersion();

    /// <summary>How many resources there are.</summary>
    public int Count { get; }

    /// <summary>The resource at <paramref name="index"/> in name order.</summary>
    /// <param name="index">The position.</param>
    public XdsResource this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            return _chunks[index >> ChunkBits][index & (ChunkSize - 1)];
        }
    }

    private ulong ComputeVersion()
    {
        var hash = new XxHash64();
        Span<byte> version = stackalloc byte[8];
        foreach (var chunk in _chunks)
        {
            foreach (var resource in chunk)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(version, resource.Version);
                hash.Append(version);
            }
        }
        return hash.GetCurrentHashAsUInt64();
    }

    /// <summary>Finds a resource by name.</summary>
    /// <param name="name">The resource name.</param>
    /// <param name="resource">The resource when found.</param>
    /// <returns>Whether the set has a resource of that name.</returns>
    public bool TryGet(string name, out XdsResource resource)
    {
        var index = IndexOf(name);
        resource = index >= 0 ? this[index] : default;
        return index >= 0;
    }

    internal int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        _byName ??= BuildIndex();
        return _byName.TryGetValue(name, out var index) ? index : -1;
    }

    private Dictionary<string, int> BuildIndex()
    {
        var map = new Dictionary<string, int>(Count, StringComparer.Ordinal);
        for (var i = 0; i < Count; i++) map[this[i].Name] = i;
        return map;
    }

    /// <summary>Returns a copy in which the resources at the given positions (same names) are replaced; untouched chunks are shared.</summary>
    internal XdsResourceSet With(ReadOnlySpan<(int Index, XdsResource Resource)> replacements)
    {
        var chunks = (XdsResource[][])_chunks.Clone();
        foreach (var (index, resource) in replacements)
        {
            var c = index >> ChunkBits;
            if (ReferenceEquals(chunks[c], _chunks[c])) chunks[c] = (XdsResource[])_chunks[c].Clone();
            chunks[c][index & (ChunkSize - 1)] = resource;
        }
        return new XdsResourceSet(Type, Count, chunks, _byName);
    }

    /// <summary>Enumerates the resources in name order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<XdsResource> GetEnumerator()
    {
        foreach (var chunk in _chunks)
        {
            foreach (var resource in chunk) yield return resource;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

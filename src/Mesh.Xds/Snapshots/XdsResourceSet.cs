using System.Collections;
using System.IO.Hashing;

namespace Mesh.Xds;

/// <summary>The encoded resources of one type, sorted by name.</summary>
public sealed class XdsResourceSet : IReadOnlyList<XdsResource>
{
    private readonly XdsResource[] _resources;
    private Dictionary<string, int>? _byName;

    internal XdsResourceSet(XdsResourceType type, XdsResource[] resources)
    {
        Type = type;
        _resources = resources;
        Span<byte> versions = stackalloc byte[8];
        var hash = new XxHash64();
        foreach (var resource in resources)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(versions, resource.Version);
            hash.Append(versions);
        }
        Version = hash.GetCurrentHashAsUInt64();
    }

    /// <summary>The resource type.</summary>
    public XdsResourceType Type { get; }

    /// <summary>The type URL of the resources.</summary>
    public string TypeUrl => XdsTypeUrls.Of(Type);

    /// <summary>The version of the whole set (a hash of every resource version), used as <c>version_info</c>.</summary>
    public ulong Version { get; }

    /// <summary>How many resources there are.</summary>
    public int Count => _resources.Length;

    /// <summary>The resource at <paramref name="index"/> in name order.</summary>
    /// <param name="index">The position.</param>
    public XdsResource this[int index] => _resources[index];

    internal ReadOnlySpan<XdsResource> AsSpan() => _resources;

    /// <summary>Finds a resource by name.</summary>
    /// <param name="name">The resource name.</param>
    /// <param name="resource">The resource when found.</param>
    /// <returns>Whether the set has a resource of that name.</returns>
    public bool TryGet(string name, out XdsResource resource)
    {
        var index = IndexOf(name);
        resource = index >= 0 ? _resources[index] : default;
        return index >= 0;
    }

    internal int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        _byName ??= BuildIndex(_resources);
        return _byName.TryGetValue(name, out var index) ? index : -1;
    }

    private static Dictionary<string, int> BuildIndex(XdsResource[] resources)
    {
        var map = new Dictionary<string, int>(resources.Length, StringComparer.Ordinal);
        for (var i = 0; i < resources.Length; i++) map[resources[i].Name] = i;
        return map;
    }

    /// <summary>Returns a copy in which the resources at the given positions are replaced.</summary>
    internal XdsResourceSet With(ReadOnlySpan<(int Index, XdsResource Resource)> replacements)
    {
        var copy = (XdsResource[])_resources.Clone();
        foreach (var (index, resource) in replacements) copy[index] = resource;
        return new XdsResourceSet(Type, copy) { _byName = _byName };
    }

    /// <summary>Enumerates the resources in name order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<XdsResource> GetEnumerator() => ((IEnumerable<XdsResource>)_resources).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

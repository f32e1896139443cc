using System.Collections;

namespace Mesh.Kubernetes;

/// <summary>
/// An append-only list kept in fixed-size chunks. A translation of thousands of services raises tens of thousands of
/// diagnostics: in one <see cref="List{T}"/> every doubling past about 10,000 references is a large-object-heap array,
/// which the runtime zeroes and counts toward a full collection; chunks of 4,096 stay in the ordinary heap.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class ChunkedList<T> : IReadOnlyList<T>
{
    private const int ChunkSize = 4096;

    private readonly List<T[]> _chunks = [];
    private int _count;

    /// <inheritdoc />
    public int Count => _count;

    /// <inheritdoc />
    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
            return _chunks[index / ChunkSize][index % ChunkSize];
        }
    }

    /// <summary>Appends <paramref name="item"/>.</summary>
    public void Add(T item)
    {
        var slot = _count % ChunkSize;
        if (slot == 0)
        {
            // The first chunk starts small (most translations raise few diagnostics) and grows to the chunk size.
            _chunks.Add(new T[_count == 0 ? 16 : ChunkSize]);
        }
        else if (_chunks.Count == 1 && slot == _chunks[0].Length)
        {
            var grown = new T[Math.Min(ChunkSize, slot * 4)];
            _chunks[0].CopyTo(grown, 0);
            _chunks[0] = grown;
        }
        _chunks[^1][slot] = item;
        _count++;
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < _count; i++) yield return _chunks[i / ChunkSize][i % ChunkSize];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

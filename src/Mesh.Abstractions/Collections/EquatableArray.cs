using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace Mesh.Collections;

/// <summary>
/// An immutable list compared by value: two arrays are equal when they hold equal items in the same order.
/// Records compare collections by reference, so every list in the model is one of these, which keeps
/// <c>==</c> meaningful for whole models.
/// </summary>
/// <typeparam name="T">The item type; its own equality decides item equality.</typeparam>
/// <remarks>The default value is the empty array, so an unset list property never needs a null check.</remarks>
[CollectionBuilder(typeof(EquatableArray), nameof(EquatableArray.Create))]
public readonly struct EquatableArray<T> : IReadOnlyList<T>, IEquatable<EquatableArray<T>>
{
    private readonly T[]? _items;

    /// <summary>Creates an array holding a copy of <paramref name="items"/>.</summary>
    /// <param name="items">The items, in order.</param>
    public EquatableArray(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var copy = items.ToArray();
        _items = copy.Length == 0 ? null : copy;
    }

    private EquatableArray(T[] items, bool _) => _items = items.Length == 0 ? null : items;

    /// <summary>The empty array.</summary>
    public static EquatableArray<T> Empty => default;

    /// <summary>The number of items.</summary>
    public int Count => _items?.Length ?? 0;

    /// <summary>Whether the array holds no items.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>The item at <paramref name="index"/>.</summary>
    /// <param name="index">A zero-based index.</param>
    public T this[int index] => (_items ?? [])[index];

    /// <summary>The items as a read-only span.</summary>
    public ReadOnlySpan<T> AsSpan() => _items;

    /// <summary>Returns a new array with <paramref name="item"/> appended.</summary>
    /// <param name="item">The item to add.</param>
    public EquatableArray<T> Add(T item) => new([.. this, item], true);

    /// <summary>Wraps <paramref name="items"/> without copying; the caller gives up the array.</summary>
    internal static EquatableArray<T> UnsafeWrap(T[] items) => new(items, true);

    /// <inheritdoc />
    public bool Equals(EquatableArray<T> other)
    {
        var comparer = EqualityComparer<T>.Default;
        var a = AsSpan();
        var b = other.AsSpan();
        if (a.Length != b.Length) return false;
        for (var i = 0; i < a.Length; i++)
        {
            if (!comparer.Equals(a[i], b[i])) return false;
        }
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in AsSpan()) hash.Add(item);
        return hash.ToHashCode();
    }

    /// <summary>Value equality.</summary>
    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    /// <summary>Wraps a copy of <paramref name="items"/>.</summary>
    /// <param name="items">The items; null gives the empty array.</param>
    public static implicit operator EquatableArray<T>(T[]? items) => items is null ? default : new EquatableArray<T>(items);

    /// <summary>Wraps <paramref name="items"/>.</summary>
    /// <param name="items">The items.</param>
    public static implicit operator EquatableArray<T>(ImmutableArray<T> items) => items.IsDefaultOrEmpty ? default : new EquatableArray<T>(items);

    /// <summary>Returns an enumerator over the items.</summary>
    public ReadOnlySpan<T>.Enumerator GetEnumerator() => AsSpan().GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)(_items ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => (_items ?? []).GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => $"[{string.Join(", ", _items ?? [])}]";
}

/// <summary>Factory methods for <see cref="EquatableArray{T}"/>; also the collection-expression builder.</summary>
public static class EquatableArray
{
    /// <summary>Creates an array from a span (used by collection expressions such as <c>[a, b]</c>).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items, copied.</param>
    public static EquatableArray<T> Create<T>(ReadOnlySpan<T> items) => EquatableArray<T>.UnsafeWrap(items.ToArray());

    /// <summary>Creates an array from a sequence.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items, copied.</param>
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items) => new(items);
}

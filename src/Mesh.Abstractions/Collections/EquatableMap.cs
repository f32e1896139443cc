using System.Collections;
using System.Runtime.CompilerServices;

namespace Mesh.Collections;

/// <summary>
/// An immutable string-keyed map compared by value. Keys are kept in ordinal order, so two maps with the
/// same entries are equal, hash alike and enumerate alike whatever order they were built in.
/// </summary>
/// <typeparam name="TValue">The value type; its own equality decides value equality.</typeparam>
/// <remarks>The default value is the empty map.</remarks>
[CollectionBuilder(typeof(EquatableMap), nameof(EquatableMap.Create))]
public readonly struct EquatableMap<TValue> : IReadOnlyDictionary<string, TValue>, IEquatable<EquatableMap<TValue>>
{
    private readonly KeyValuePair<string, TValue>[]? _entries;

    /// <summary>Creates a map from <paramref name="entries"/>; a later duplicate key replaces an earlier one.</summary>
    /// <param name="entries">The entries.</param>
    public EquatableMap(IEnumerable<KeyValuePair<string, TValue>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries is EquatableMap<TValue> map)
        {
            _entries = map._entries;
            return;
        }
        var sorted = new KeyValuePair<string, TValue>[entries.TryGetNonEnumeratedCount(out var count) ? count : 4];
        var length = 0;
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry.Key, nameof(entries));
            Insert(ref sorted, ref length, entry);
        }
        _entries = Trim(sorted, length);
    }

    private EquatableMap(ReadOnlySpan<KeyValuePair<string, TValue>> entries)
    {
        var sorted = new KeyValuePair<string, TValue>[entries.Length];
        var length = 0;
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry.Key, nameof(entries));
            Insert(ref sorted, ref length, entry);
        }
        _entries = Trim(sorted, length);
    }

    // Wraps entries already in ordinal key order without duplicates (the flag only sets this constructor apart).
    private EquatableMap(KeyValuePair<string, TValue>[]? sorted, bool trusted)
    {
        System.Diagnostics.Debug.Assert(trusted, "Only sorted entries without duplicates are wrapped.");
        _entries = sorted;
    }

    /// <summary>
    /// The entries of both maps, an entry of <paramref name="overrides"/> replacing one of <paramref name="first"/> with the
    /// same key (a merge of two sorted arrays: no re-sorting).
    /// </summary>
    internal static EquatableMap<TValue> Union(EquatableMap<TValue> first, EquatableMap<TValue> overrides)
    {
        var a = first._entries ?? [];
        var b = overrides._entries ?? [];
        if (b.Length == 0) return first;
        if (a.Length == 0) return overrides;
        var merged = new KeyValuePair<string, TValue>[a.Length + b.Length];
        int i = 0, j = 0, n = 0;
        while (i < a.Length && j < b.Length)
        {
            var c = string.CompareOrdinal(a[i].Key, b[j].Key);
            if (c < 0) merged[n++] = a[i++];
            else if (c > 0) merged[n++] = b[j++];
            else
            {
                merged[n++] = b[j++];
                i++;
            }
        }
        while (i < a.Length) merged[n++] = a[i++];
        while (j < b.Length) merged[n++] = b[j++];
        if (n != merged.Length) Array.Resize(ref merged, n);
        return new EquatableMap<TValue>(merged, trusted: true);
    }

    internal static EquatableMap<TValue> FromSpan(ReadOnlySpan<KeyValuePair<string, TValue>> entries) => new(entries);

    // Insertion into the sorted prefix: maps are small (labels, headers) and usually built in key order already, so the common
    // case appends without a search and the whole build is one array (a later duplicate key replaces the earlier entry).
    private static void Insert(ref KeyValuePair<string, TValue>[] sorted, ref int length, KeyValuePair<string, TValue> entry)
    {
        if (length == 0 || string.CompareOrdinal(sorted[length - 1].Key, entry.Key) < 0)
        {
            if (length == sorted.Length) Array.Resize(ref sorted, Math.Max(4, length * 2));
            sorted[length++] = entry;
            return;
        }
        int lo = 0, hi = length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            var c = string.CompareOrdinal(sorted[mid].Key, entry.Key);
            if (c == 0)
            {
                sorted[mid] = entry;
                return;
            }
            if (c < 0) lo = mid + 1; else hi = mid - 1;
        }
        if (length == sorted.Length) Array.Resize(ref sorted, Math.Max(4, length * 2));
        Array.Copy(sorted, lo, sorted, lo + 1, length - lo);
        sorted[lo] = entry;
        length++;
    }

    private static KeyValuePair<string, TValue>[]? Trim(KeyValuePair<string, TValue>[] sorted, int length)
    {
        if (length == 0) return null;
        if (length != sorted.Length) Array.Resize(ref sorted, length);
        return sorted;
    }

    /// <summary>The empty map.</summary>
    public static EquatableMap<TValue> Empty => default;

    /// <summary>The number of entries.</summary>
    public int Count => _entries?.Length ?? 0;

    /// <summary>Whether the map has no entries.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>The keys, in ordinal order.</summary>
    public IEnumerable<string> Keys => (_entries ?? []).Select(e => e.Key);

    /// <summary>The values, in key order.</summary>
    public IEnumerable<TValue> Values => (_entries ?? []).Select(e => e.Value);

    /// <summary>The value stored under <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <exception cref="KeyNotFoundException">The key is absent.</exception>
    public TValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The key '{key}' is not in the map.");

    /// <summary>Whether the map holds <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <summary>Looks up <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value when found.</param>
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TValue value)
    {
        var i = IndexOf(key);
        if (i < 0) { value = default; return false; }
        value = _entries![i].Value;
        return true;
    }

    /// <summary>Returns a new map with <paramref name="key"/> set to <paramref name="value"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    public EquatableMap<TValue> SetItem(string key, TValue value) => new([.. this, new(key, value)]);

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_entries is null) return -1;
        int lo = 0, hi = _entries.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            var c = string.CompareOrdinal(_entries[mid].Key, key);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1; else hi = mid - 1;
        }
        return -1;
    }

    /// <inheritdoc />
    public bool Equals(EquatableMap<TValue> other)
    {
        var a = _entries ?? [];
        var b = other._entries ?? [];
        if (a.Length != b.Length) return false;
        var comparer = EqualityComparer<TValue>.Default;
        for (var i = 0; i < a.Length; i++)
        {
            if (!string.Equals(a[i].Key, b[i].Key, StringComparison.Ordinal) || !comparer.Equals(a[i].Value, b[i].Value)) return false;
        }
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EquatableMap<TValue> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, value) in _entries ?? [])
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(value);
        }
        return hash.ToHashCode();
    }

    /// <summary>Value equality.</summary>
    public static bool operator ==(EquatableMap<TValue> left, EquatableMap<TValue> right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(EquatableMap<TValue> left, EquatableMap<TValue> right) => !left.Equals(right);

    /// <summary>Copies a dictionary into a map.</summary>
    /// <param name="entries">The entries; null gives the empty map.</param>
    public static implicit operator EquatableMap<TValue>(Dictionary<string, TValue>? entries) => entries is null ? default : new EquatableMap<TValue>(entries);

    /// <summary>Returns an enumerator over the entries in key order (a struct: <c>foreach</c> over a map allocates nothing).</summary>
    public ReadOnlySpan<KeyValuePair<string, TValue>>.Enumerator GetEnumerator() => new ReadOnlySpan<KeyValuePair<string, TValue>>(_entries).GetEnumerator();

    IEnumerator<KeyValuePair<string, TValue>> IEnumerable<KeyValuePair<string, TValue>>.GetEnumerator() => ((IEnumerable<KeyValuePair<string, TValue>>)(_entries ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => (_entries ?? []).GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => "{" + string.Join(", ", (_entries ?? []).Select(e => $"{e.Key}: {e.Value}")) + "}";
}

/// <summary>Factory methods for <see cref="EquatableMap{TValue}"/>; also the collection-expression builder.</summary>
public static class EquatableMap
{
    /// <summary>Creates a map from entries (used by collection expressions such as <c>[new("version", "v1")]</c>).</summary>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="entries">The entries; a later duplicate key wins.</param>
    public static EquatableMap<TValue> Create<TValue>(ReadOnlySpan<KeyValuePair<string, TValue>> entries) => EquatableMap<TValue>.FromSpan(entries);

    /// <summary>Creates a map from a sequence of entries.</summary>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="entries">The entries; a later duplicate key wins.</param>
    public static EquatableMap<TValue> ToEquatableMap<TValue>(this IEnumerable<KeyValuePair<string, TValue>> entries) => new(entries);
}

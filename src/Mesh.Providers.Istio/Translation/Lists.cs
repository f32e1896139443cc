using Mesh.Collections;

namespace Mesh.Providers.Istio.Translation;

/// <summary>
/// Empty collections are written as absent fields, never as <c>[]</c> or <c>{}</c>. The model's collections have overloads of
/// their own: an empty one costs nothing (no boxed enumerator, no LINQ iterator), and a full one is copied at its exact size.
/// </summary>
internal static class Lists
{
    public static List<T>? OrNull<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? null : list;
    }

    public static List<T>? OrNull<T>(EquatableArray<T> items) => items.IsEmpty ? null : [.. items.AsSpan()];

    /// <summary>Each item mapped with <paramref name="map"/>; null when there are none.</summary>
    public static List<TResult>? OrNull<T, TResult>(EquatableArray<T> items, Func<T, TResult> map)
    {
        if (items.IsEmpty) return null;
        var list = new List<TResult>(items.Count);
        foreach (var item in items) list.Add(map(item));
        return list;
    }

    /// <summary>Each item mapped with <paramref name="map"/>, which also takes its index; null when there are none.</summary>
    public static List<TResult>? OrNull<T, TResult>(EquatableArray<T> items, Func<T, int, TResult> map)
    {
        if (items.IsEmpty) return null;
        var list = new List<TResult>(items.Count);
        for (var i = 0; i < items.Count; i++) list.Add(map(items[i], i));
        return list;
    }

    public static Dictionary<string, string>? OrNull(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in entries) map[key] = value;
        return map.Count == 0 ? null : map;
    }

    public static Dictionary<string, string>? OrNull(EquatableMap<string> entries)
    {
        if (entries.IsEmpty) return null;
        var map = new Dictionary<string, string>(entries.Count, StringComparer.Ordinal);
        foreach (var (key, value) in entries) map[key] = value;
        return map;
    }
}

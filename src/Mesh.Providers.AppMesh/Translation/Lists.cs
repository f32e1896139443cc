using System.Collections.Generic;

namespace Mesh.Providers.AppMesh.Translation;

/// <summary>Empty collections are written as absent fields, never as <c>[]</c> or <c>{}</c> (the CRDs' minItems would reject some).</summary>
internal static class Lists
{
    public static List<T>? OrNull<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? null : list;
    }

    /// <summary>Labels sorted by key (deterministic output), or null when there are none.</summary>
    public static Dictionary<string, string>? SortedOrNull(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in entries.OrderBy(e => e.Key, StringComparer.Ordinal)) map[key] = value;
        return map.Count == 0 ? null : map;
    }
}

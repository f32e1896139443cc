using System.Collections.Generic;
using Mesh.Collections;

namespace Mesh.Providers.AppMesh.Translation;

/// <summary>Empty collections are written as absent fields, never as <c>[]</c> or <c>{}</c> (the CRDs' minItems would reject some).</summary>
internal static class Lists
{
    public static List<T>? OrNull<T>(List<T> items) => items.Count == 0 ? null : items;

    public static List<T>? OrNull<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? null : list;
    }

    /// <summary>A map's entries (already in ordinal key order) as labels, or null when there are none.</summary>
    public static Dictionary<string, string>? OrNull(EquatableMap<string> labels)
    {
        if (labels.IsEmpty) return null;
        var map = new Dictionary<string, string>(labels.Count, StringComparer.Ordinal);
        foreach (var (key, value) in labels) map[key] = value;
        return map;
    }
}

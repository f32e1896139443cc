namespace Mesh.Providers.Istio.Translation;

/// <summary>Empty collections are written as absent fields, never as <c>[]</c> or <c>{}</c>.</summary>
internal static class Lists
{
    public static List<T>? OrNull<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? null : list;
    }

    public static Dictionary<string, string>? OrNull(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in entries) map[key] = value;
        return map.Count == 0 ? null : map;
    }
}

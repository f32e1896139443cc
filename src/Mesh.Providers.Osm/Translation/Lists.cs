namespace Mesh.Providers.Osm.Translation;

/// <summary>Empty collections are written as absent fields, never as <c>[]</c> or <c>{}</c>.</summary>
internal static class Lists
{
    public static List<T>? OrNull<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? null : list;
    }
}

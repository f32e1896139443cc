using System.Globalization;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Mesh.Diagnostics;
using Mesh.Translation;

namespace Mesh.Kubernetes;

/// <summary>Turns a translator's import inputs — typed objects or YAML texts — into resources named by their source.</summary>
public static class ImportSources
{
    /// <summary>Typed objects, each named <c>Kind/namespace/name</c> (or by its type when it is not a Kubernetes object).</summary>
    /// <param name="resources">The objects; nulls are skipped.</param>
    /// <param name="defaultNamespace">The namespace named for objects without one.</param>
    /// <returns>Each object with its source name.</returns>
    public static List<(object Resource, string Source)> FromObjects(IEnumerable<object> resources, string defaultNamespace)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var list = new List<(object, string)>();
        foreach (var resource in resources)
        {
            if (resource is null) continue;
            var source = resource is IKubernetesObject<V1ObjectMeta> k
                ? $"{k.Kind ?? resource.GetType().Name}/{k.Metadata?.NamespaceProperty ?? defaultNamespace}/{k.Metadata?.Name}"
                : resource.GetType().Name;
            list.Add((resource, source));
        }
        return list;
    }

    /// <summary>
    /// Every document of every source, read with <see cref="KubernetesYamlReader"/> and typed with <see cref="ResourceReader"/>
    /// and <paramref name="catalog"/>, each named <c>file#doc</c>; problems go to <paramref name="ctx"/>. A <c>v1</c>
    /// <c>List</c> document (what <c>kubectl get … -o yaml</c> writes) stands for its <c>items</c>: each is read as a resource,
    /// and its diagnostics name it inside the list (<c>file#doc $.items[2].spec…</c>, with its line and column).
    /// </summary>
    /// <param name="sources">The YAML texts.</param>
    /// <param name="ctx">The import's context.</param>
    /// <param name="catalog">The kinds the provider reads.</param>
    /// <returns>Each typed resource with its source name.</returns>
    public static List<(object Resource, string Source)> FromYaml(IReadOnlyList<SourceText> sources, ImportContext ctx, ResourceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(ctx);
        var list = new List<(object, string)>();
        foreach (var input in sources)
        {
            ArgumentNullException.ThrowIfNull(input);
            foreach (var document in KubernetesYamlReader.Read(input.Text, input.Name, ctx.Provider, ctx.Diagnostics))
            {
                var source = $"{input.Name}#{document.Index}";
                if (IsList(document.Root, out var items))
                {
                    ctx.AddPositions(source, document.Positions);
                    var positions = ItemPositions(document.Positions, items.Count);
                    for (var i = 0; i < items.Count; i++)
                    {
                        var prefix = $"$.items[{i}]";
                        var itemSource = ctx.AddListItem(source, prefix);
                        var location = document.Positions.GetValueOrDefault(prefix) ?? document.Location;
                        var item = new YamlDocument(document.Index, items[i], location, positions[i]);
                        if (ResourceReader.Read(item, itemSource, ctx, catalog) is { } resource) list.Add((resource, itemSource));
                    }
                    continue;
                }
                if (ResourceReader.Read(document, source, ctx, catalog) is { } single) list.Add((single, source));
            }
        }
        return list;
    }

    /// <summary>Whether <paramref name="root"/> is a <c>v1</c> <c>List</c> with an <c>items</c> sequence.</summary>
    private static bool IsList(JsonNode? root, out JsonArray items)
    {
        items = null!;
        if (root is not JsonObject obj
            || obj["apiVersion"] is not JsonValue version || !version.TryGetValue<string>(out var apiVersion) || apiVersion != "v1"
            || obj["kind"] is not JsonValue kind || !kind.TryGetValue<string>(out var kindName) || kindName != "List"
            || obj["items"] is not JsonArray array)
        {
            return false;
        }
        items = array;
        return true;
    }

    /// <summary>The positions of each item of a List, re-rooted at the item (<c>$.items[2].spec</c> → <c>$.spec</c>).</summary>
    private static Dictionary<string, SourceLocation>[] ItemPositions(IReadOnlyDictionary<string, SourceLocation> positions, int count)
    {
        var result = new Dictionary<string, SourceLocation>[count];
        for (var i = 0; i < count; i++) result[i] = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        const string Items = "$.items[";
        foreach (var (path, location) in positions)
        {
            if (!path.StartsWith(Items, StringComparison.Ordinal)) continue;
            var close = path.IndexOf(']', Items.Length);
            if (close < 0 || !int.TryParse(path.AsSpan(Items.Length, close - Items.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= count) continue;
            result[index]["$" + path[(close + 1)..]] = location;
        }
        return result;
    }
}

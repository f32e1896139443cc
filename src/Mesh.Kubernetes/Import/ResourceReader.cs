using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mesh.Kubernetes;

/// <summary>
/// Turns a YAML document into the typed class its <c>apiVersion</c> and <c>kind</c> name in a <see cref="ResourceCatalog"/>.
/// Fields the typed class does not hold (the model has no place for them) are found by comparing the input tree with the
/// typed object written back (<see cref="FieldDiff"/>) and reported one by one with their paths; a value of the wrong type
/// is an invalid resource at its path; unknown kinds and versions are reported and skipped.
/// </summary>
public static class ResourceReader
{
    /// <summary>Reads <paramref name="document"/>; returns the typed resource, or null when it was empty, invalid or skipped (all reported).</summary>
    /// <param name="document">The document.</param>
    /// <param name="source">Its source name (<c>file#doc</c>).</param>
    /// <param name="ctx">The import's context, which receives the diagnostics and the document's positions.</param>
    /// <param name="catalog">The kinds the provider reads.</param>
    /// <returns>The typed resource, or null.</returns>
    public static object? Read(YamlDocument document, string source, ImportContext ctx, ResourceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(catalog);
        ctx.AddPositions(source, document.Positions);
        if (document.Root is null) return null;
        if (document.Root is not JsonObject root)
        {
            ctx.Invalid(source, "$", "A manifest must be a mapping with apiVersion, kind, metadata and spec.");
            return null;
        }
        var apiVersion = Text(root, "apiVersion");
        var kind = Text(root, "kind");
        if (apiVersion is null || kind is null)
        {
            ctx.Invalid(source, apiVersion is null ? "$.apiVersion" : "$.kind", "A manifest needs a string apiVersion and kind.");
            return null;
        }
        if (!catalog.TypeMap.TryGetValue($"{apiVersion}/{kind}", out var type))
        {
            var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
            var group = slash < 0 ? string.Empty : apiVersion[..slash];
            var prefix = slash < 0 ? string.Empty : group + "/";
            var known = catalog.TypeMap.Keys.FirstOrDefault(k => k.StartsWith(prefix, StringComparison.Ordinal) && k.EndsWith("/" + kind, StringComparison.Ordinal) && (slash >= 0 || k.Count(c => c == '/') == 1));
            if (known is not null)
            {
                ctx.Invalid(source, "$.apiVersion", $"'{apiVersion}' is not a served version of {kind}; use {catalog.Canonical[catalog.TypeMap[known]]}.");
            }
            else if (catalog.Groups.Contains(group))
            {
                var about = catalog.OutOfScopeKinds is { } kinds ? $" ({kinds}, …)" : string.Empty;
                ctx.OutOfScope(source, "$.kind", $"{kind} ({apiVersion}) is outside what this provider translates{about}; it was skipped.");
                if (catalog.LegacyNotes?.GetValueOrDefault(kind) is { } note) ctx.Legacy(source, "$.kind", note);
            }
            else
            {
                ctx.UnknownKind(source, "$.kind", $"{kind} ({apiVersion}) is not {catalog.Description}; it was skipped.");
            }
            return null;
        }

        EmptyItems(root, "$", source, ctx);
        var typeInfo = catalog.JsonOptions.GetTypeInfo(type);
        object? typed;
        try
        {
            typed = root.Deserialize(typeInfo);
        }
        catch (JsonException e)
        {
            ctx.Invalid(source, e.Path ?? "$", $"The {kind} does not match its schema: {FirstLine(e.Message)}");
            return null;
        }
        if (typed is null) return null;
        if (typed is IReadDefaults partial) partial.Complete();
        var canonical = catalog.Canonical[type];
        if (apiVersion != canonical)
        {
            ctx.Legacy(source, "$.apiVersion", catalog.VersionNotes?.GetValueOrDefault($"{apiVersion}/{kind}") ?? $"{apiVersion} is an older served version of {kind}; it was read as {canonical} (the same fields).");
            ((k8s.IKubernetesObject)typed).ApiVersion = canonical;
        }
        var written = JsonSerializer.SerializeToNode(typed, typeInfo);
        FieldDiff.Diff(root, written, "$", (key, path) => Report(key, path, source, ctx, catalog));
        return typed;
    }

    /// <summary>
    /// A typed resource given to <c>Import</c>, read as its manifest would be: written as JSON with the catalog's options and read
    /// back into a new object of its own type, so that what the YAML reader guarantees holds for typed input too — a null list
    /// item is reported at its index (an empty object in a list of objects, left out of other lists), a null <c>metadata</c> or
    /// <c>spec</c> is read as empty — and the caller's object is never changed. An object of a type the catalog does not list is
    /// returned as it is (the import reports it); one that cannot be written as JSON (e.g. a <c>NaN</c>) is reported at <c>$</c>.
    /// </summary>
    /// <param name="resource">The typed resource.</param>
    /// <param name="source">Its source name (<c>Kind/namespace/name</c>).</param>
    /// <param name="ctx">The import's context.</param>
    /// <param name="catalog">The kinds the provider reads.</param>
    /// <returns>The copy, <paramref name="resource"/> itself when the catalog does not list its type, or null when it was reported.</returns>
    internal static object? ReadObject(object resource, string source, ImportContext ctx, ResourceCatalog catalog)
    {
        var type = resource.GetType();
        if (!catalog.Canonical.ContainsKey(type)) return resource;
        var typeInfo = catalog.JsonOptions.GetTypeInfo(type);
        JsonNode? node;
        try
        {
            node = JsonSerializer.SerializeToNode(resource, typeInfo);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or InvalidCastException)
        {
            ctx.Invalid(source, "$", $"The {type.Name} cannot be read: {FirstLine(e.Message)}");
            return null;
        }
        if (node is not JsonObject root) return null;
        EmptyItems(root, "$", source, ctx);
        object? typed;
        try
        {
            typed = root.Deserialize(typeInfo);
        }
        catch (JsonException e)
        {
            ctx.Invalid(source, e.Path ?? "$", $"The {type.Name} does not match its schema: {FirstLine(e.Message)}");
            return null;
        }
        if (typed is IReadDefaults partial) partial.Complete();
        return typed;
    }

    /// <summary>
    /// A list item written as <c>- </c> with nothing after it reads as null, which no mapping expects. In a list of objects it
    /// becomes an empty object (its missing fields are then reported at its own index); in other lists it is left out. Each
    /// is reported.
    /// </summary>
    private static void EmptyItems(JsonNode? node, string path, string source, ImportContext ctx)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList()) EmptyItems(value, path + JsonPaths.Segment(key), source, ctx);
                break;
            case JsonArray array:
                var objects = array.Any(i => i is JsonObject);
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    if (array[i] is not null) continue;
                    ctx.Invalid(source, $"{path}[{i}]", objects ? "An empty list item: read as an item without fields." : "An empty list item: it is not read.");
                    if (objects) array[i] = new JsonObject();
                    else array.RemoveAt(i);
                }
                for (var i = 0; i < array.Count; i++) EmptyItems(array[i], $"{path}[{i}]", source, ctx);
                break;
        }
    }

    private static string? Text(JsonObject obj, string key) =>
        obj[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string FirstLine(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }

    private static void Report(string? key, string path, string source, ImportContext ctx, ResourceCatalog catalog)
    {
        if (key is not null && catalog.OutOfScopeFields?.GetValueOrDefault(key) is { } why)
        {
            ctx.OutOfScope(source, path, why);
        }
        else if (path == "$.status")
        {
            ctx.NotImportedInfo(source, path, "Status is written by the cluster; it was not imported.");
        }
        else if (path.StartsWith("$.metadata", StringComparison.Ordinal))
        {
            ctx.NotImportedInfo(source, path, "Resource metadata other than name and namespace is not part of the model.");
        }
        else
        {
            ctx.NotImported(source, path, "The model has no place for this field; it was not imported.");
        }
    }
}

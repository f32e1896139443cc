using System.Text.Json.Nodes;

namespace Mesh.Providers.Conformance.Schema;

/// <summary>
/// What the API server does to a custom resource before it validates it (apiextensions <c>structuraldefaulting.Default</c>):
/// a <c>null</c> of a field that is not <c>nullable</c> is dropped, then every absent property with a schema
/// <c>default</c> gets a copy of it, in objects, list items and map values, recursively (into the defaults too).
/// </summary>
public static class StructuralDefaulting
{
    /// <summary>Defaults <paramref name="value"/> in place by <paramref name="schema"/>.</summary>
    /// <param name="schema">The OpenAPI schema of the value.</param>
    /// <param name="value">The value (changed in place).</param>
    public static void Apply(JsonObject schema, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(schema);
        switch (value)
        {
            case JsonObject obj:
                var properties = schema["properties"] as JsonObject;
                var additional = schema["additionalProperties"] as JsonObject;
                foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    var child = properties?[key] as JsonObject ?? additional;
                    if (child is not null && child["nullable"]?.GetValue<bool>() != true) obj.Remove(key);
                }
                if (properties is not null)
                {
                    foreach (var (key, property) in properties)
                    {
                        if (property is JsonObject p && p["default"] is { } fallback && !obj.ContainsKey(key)) obj[key] = fallback.DeepClone();
                    }
                }
                foreach (var (key, child) in obj.ToList())
                {
                    if (properties?[key] is JsonObject p) Apply(p, child);
                    else if (additional is not null) Apply(additional, child);
                }
                break;
            case JsonArray array when schema["items"] is JsonObject items:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is null && items["nullable"]?.GetValue<bool>() != true && items["default"] is { } fallback) array[i] = fallback.DeepClone();
                    Apply(items, array[i]);
                }
                break;
        }
    }
}

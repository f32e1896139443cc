using System.Text.Json.Nodes;
using Mesh.Model;
using Mesh.Serialization;

namespace Mesh.Providers.Conformance.Support;

/// <summary>
/// Where two models differ, as paths into the first one's YAML/JSON form (<c>$.spec.services[0].ports[1]</c>, the paths of
/// export diagnostics). List items are matched by what identifies them — a port by its number, a named item by its namespace
/// and name — so that one item missing does not shift every later one; other lists are compared item by item.
/// </summary>
public static class ModelDiff
{
    /// <summary>The paths where <paramref name="second"/> differs from <paramref name="first"/>: a field changed or missing at its own path, an item only <paramref name="second"/> has at its list's path.</summary>
    /// <param name="first">The model the paths point into.</param>
    /// <param name="second">The model compared with it.</param>
    public static IReadOnlyList<string> Paths(MeshConfig first, MeshConfig second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var result = new List<string>();
        Compare(JsonNode.Parse(MeshJson.Write(first)), JsonNode.Parse(MeshJson.Write(second)), "$", result);
        return result;
    }

    private static void Compare(JsonNode? a, JsonNode? b, string path, List<string> result)
    {
        // Empty lists and mappings are left out of the written form: one missing on one side is an empty one.
        if (a is JsonArray && b is null) b = new JsonArray();
        if (a is JsonObject && b is null) b = new JsonObject();
        switch (a)
        {
            case JsonObject objectA when b is JsonObject objectB:
                foreach (var (key, value) in objectA) Compare(value, objectB[key], path + YamlJson.Segment(key), result);
                foreach (var (key, value) in objectB)
                {
                    if (value is not null && objectA[key] is null) result.Add(path + YamlJson.Segment(key));
                }
                break;
            case JsonArray arrayA when b is JsonArray arrayB:
                var keysA = Keys(arrayA);
                var keysB = Keys(arrayB);
                if (keysA is null || keysB is null)
                {
                    for (var i = 0; i < Math.Max(arrayA.Count, arrayB.Count); i++)
                    {
                        if (i >= arrayA.Count) result.Add(path);
                        else Compare(arrayA[i], i < arrayB.Count ? arrayB[i] : null, $"{path}[{i}]", result);
                    }
                    break;
                }
                for (var i = 0; i < arrayA.Count; i++)
                {
                    var j = keysB.IndexOf(keysA[i]);
                    if (j < 0) result.Add($"{path}[{i}]");
                    else Compare(arrayA[i], arrayB[j], $"{path}[{i}]", result);
                }
                if (keysB.Any(k => !keysA.Contains(k))) result.Add(path);
                break;
            case null:
                if (b is not null) result.Add(path);
                break;
            default:
                if (!JsonNode.DeepEquals(a, b)) result.Add(path);
                break;
        }
    }

    /// <summary>The identity of each item (its <c>port</c>, else its <c>namespace/name</c>), or null when the items have none or share one.</summary>
    private static List<string>? Keys(JsonArray array)
    {
        var keys = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is not JsonObject o) return null;
            if (o["port"] is JsonValue port && o["service"] is null) keys.Add("port " + port.ToJsonString());
            else if (o["name"] is JsonValue name) keys.Add($"{o["namespace"]?.ToJsonString()}/{name.ToJsonString()}");
            else return null;
        }
        return keys.Distinct(StringComparer.Ordinal).Count() == keys.Count ? keys : null;
    }
}

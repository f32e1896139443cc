using System.Text.Json.Nodes;

namespace Mesh.Kubernetes;

/// <summary>Finds the fields of an input tree that a typed object (written back to JSON) does not hold.</summary>
public static class FieldDiff
{
    /// <summary>Calls <paramref name="report"/> with the key (null for a list item) and path of every field of <paramref name="input"/> missing from <paramref name="typed"/>.</summary>
    public static void Diff(JsonNode? input, JsonNode? typed, string path, Action<string?, string> report)
    {
        switch (input)
        {
            case JsonObject inputObject:
                var typedObject = typed as JsonObject;
                foreach (var (key, value) in inputObject)
                {
                    if (value is null) continue;
                    var at = path + JsonPaths.Segment(key);
                    var counterpart = typedObject?[key];
                    if (counterpart is null)
                    {
                        report(key, at);
                        continue;
                    }
                    Diff(value, counterpart, at, report);
                }
                break;
            case JsonArray inputArray:
                var typedArray = typed as JsonArray;
                for (var i = 0; i < inputArray.Count; i++)
                {
                    if (inputArray[i] is null) continue;
                    var at = $"{path}[{i}]";
                    if (typedArray is null || i >= typedArray.Count || typedArray[i] is null)
                    {
                        report(null, at);
                        continue;
                    }
                    Diff(inputArray[i], typedArray[i], at, report);
                }
                break;
        }
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Mesh.Providers.Conformance.Support;

/// <summary>
/// YAML → JSON trees for the checks (independent of any provider's own reader): plain scalars are typed by the
/// YAML 1.2 core schema, quoted scalars stay strings — what the Kubernetes API server does with a manifest.
/// </summary>
public static class YamlJson
{
    /// <summary>Every non-empty document of <paramref name="yaml"/>.</summary>
    /// <param name="yaml">The YAML stream.</param>
    public static IReadOnlyList<JsonNode> Documents(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return [.. stream.Documents.Select(d => Convert(d.RootNode)).OfType<JsonNode>()];
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(e => KeyValuePair.Create(((YamlScalarNode)e.Key).Value ?? "", Convert(e.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(Convert)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any) || !scalar.Tag.IsEmpty) return JsonValue.Create(text);
        if (text is "" or "~" or "null" or "Null" or "NULL") return null;
        if (text is "true" or "True" or "TRUE") return JsonValue.Create(true);
        if (text is "false" or "False" or "FALSE") return JsonValue.Create(false);
        if (System.Text.RegularExpressions.Regex.IsMatch(text, "^[-+]?[0-9]+$") && long.TryParse(text, CultureInfo.InvariantCulture, out var i)) return JsonValue.Create(i);
        if (System.Text.RegularExpressions.Regex.IsMatch(text, @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$") && double.TryParse(text, CultureInfo.InvariantCulture, out var d)) return JsonValue.Create(d);
        return JsonValue.Create(text);
    }

    /// <summary>Every leaf path of <paramref name="node"/> (<c>$.spec.http[0].route[1].weight</c>); empty objects and arrays count as leaves.</summary>
    /// <param name="node">The tree.</param>
    /// <param name="path">The path of <paramref name="node"/>.</param>
    public static IEnumerable<string> Leaves(JsonNode? node, string path = "$")
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                foreach (var (key, value) in obj)
                {
                    if (value is null) continue;
                    foreach (var leaf in Leaves(value, path + Segment(key))) yield return leaf;
                }
                break;
            case JsonArray array when array.Count > 0:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is null) continue;
                    foreach (var leaf in Leaves(array[i], $"{path}[{i}]")) yield return leaf;
                }
                break;
            case null:
                break;
            default:
                yield return path;
                break;
        }
    }

    /// <summary>A path without array indices or map keys that are not identifiers: the field's place in the schema.</summary>
    /// <param name="path">A leaf path.</param>
    public static string WithoutIndices(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path, @"\[[0-9]+\]", "[]");

    /// <summary>A JSON-path segment for a property: <c>.name</c>, or <c>['x-user']</c> when the name is not an identifier.</summary>
    /// <param name="name">The property name.</param>
    public static string Segment(string name)
    {
        if (name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')) return "." + name;
        return "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']";
    }
}

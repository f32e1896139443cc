using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Mesh.Providers.Conformance.Support;

namespace Mesh.Providers.Conformance.Schema;

/// <summary>The strict JSON Schemas of every served version of every kind in a set of CRD files, and the CEL duration rule.</summary>
public sealed partial class CrdSchemaSet
{
    private readonly Dictionary<string, (JsonSchema Schema, JsonObject OpenApi)> _byKind = new(StringComparer.Ordinal);

    [GeneratedRegex(@"^duration\(self\)\s*>=\s*duration\('([^']+)'\)$")]
    private static partial Regex DurationRule();

    /// <summary>Loads the CRDs in <paramref name="files"/> (YAML streams of <c>CustomResourceDefinition</c>s).</summary>
    /// <param name="files">The CRD files.</param>
    public CrdSchemaSet(IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var n = 0;
        foreach (var file in files)
        {
            foreach (var crd in YamlJson.Documents(File.ReadAllText(file)))
            {
                if (crd["kind"]?.GetValue<string>() != "CustomResourceDefinition") continue;
                var group = crd["spec"]!["group"]!.GetValue<string>();
                var kind = crd["spec"]!["names"]!["kind"]!.GetValue<string>();
                foreach (var version in crd["spec"]!["versions"]!.AsArray().OfType<JsonObject>())
                {
                    if (version["served"]?.GetValue<bool>() != true || version["schema"]?["openAPIV3Schema"] is not JsonObject openApi) continue;
                    var schema = StructuralSchema.ToJsonSchema(openApi);
                    // apiVersion, kind and metadata are implicit in every CRD's root schema.
                    var rootProperties = (JsonObject)(schema["properties"] ??= new JsonObject());
                    rootProperties.TryAdd("apiVersion", new JsonObject { ["type"] = "string" });
                    rootProperties.TryAdd("kind", new JsonObject { ["type"] = "string" });
                    rootProperties.TryAdd("metadata", new JsonObject { ["type"] = "object" });
                    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
                    var built = JsonSchema.FromText(schema.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri($"https://mesh-sdk.test/crd/{n++}"));
                    _byKind[$"{group}/{version["name"]!.GetValue<string>()}/{kind}"] = (built, openApi);
                }
            }
        }
    }

    /// <summary>The <c>apiVersion/kind</c> pairs known.</summary>
    public IReadOnlyCollection<string> Kinds => _byKind.Keys;

    /// <summary>Every problem of <paramref name="resource"/>: schema violations (unknown fields included) and broken duration rules.</summary>
    /// <param name="resource">A manifest as a JSON tree.</param>
    public IReadOnlyList<string> Validate(JsonNode resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var key = $"{resource["apiVersion"]?.GetValue<string>()}/{resource["kind"]?.GetValue<string>()}";
        if (!_byKind.TryGetValue(key, out var entry)) return [$"no served CRD schema for {key}"];
        var problems = new List<string>();
        using var document = JsonDocument.Parse(resource.ToJsonString());
        var result = entry.Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!result.IsValid)
        {
            foreach (var detail in result.Details ?? [])
            {
                if (detail.Errors is null) continue;
                foreach (var (keyword, message) in detail.Errors) problems.Add($"{detail.InstanceLocation} ({keyword}): {message}");
            }
            if (problems.Count == 0) problems.Add("invalid (no detail)");
        }
        CheckDurations(entry.OpenApi, resource, "$", problems);
        return problems;
    }

    /// <summary>Istio's CEL rule <c>duration(self) &gt;= duration('1ms')</c>, checked wherever the schema declares it.</summary>
    private static void CheckDurations(JsonObject schema, JsonNode? value, string path, List<string> problems)
    {
        if (value is null) return;
        if (schema["x-kubernetes-validations"] is JsonArray rules)
        {
            foreach (var rule in rules.OfType<JsonObject>())
            {
                var match = DurationRule().Match(rule["rule"]?.GetValue<string>() ?? string.Empty);
                if (!match.Success) continue;
                if (!GoDuration.TryParse(match.Groups[1].Value, out var minimum)) continue;
                if (value is not JsonValue v || !v.TryGetValue<string>(out var text) || !GoDuration.TryParse(text, out var duration))
                {
                    problems.Add($"{path}: '{value.ToJsonString()}' is not a duration (CEL duration(self))");
                }
                else if (duration < minimum)
                {
                    problems.Add($"{path}: {text} is below the minimum {match.Groups[1].Value} (CEL {rule["rule"]})");
                }
            }
        }
        switch (value)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    if (schema["properties"]?[key] is JsonObject property) CheckDurations(property, child, path + YamlJson.Segment(key), problems);
                    else if (schema["additionalProperties"] is JsonObject additional) CheckDurations(additional, child, path + YamlJson.Segment(key), problems);
                }
                break;
            case JsonArray array when schema["items"] is JsonObject items:
                for (var i = 0; i < array.Count; i++) CheckDurations(items, array[i], $"{path}[{i}]", problems);
                break;
        }
    }
}

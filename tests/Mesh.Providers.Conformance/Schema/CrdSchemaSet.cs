using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Mesh.Providers.Conformance.Support;

namespace Mesh.Providers.Conformance.Schema;

/// <summary>
/// The strict JSON Schemas of every served version of every kind in a set of CRD files, and their CEL rules
/// (<c>x-kubernetes-validations</c>): what the API server enforces on create, checked on the object after the schema
/// defaults are applied.
/// </summary>
public sealed class CrdSchemaSet
{
    private readonly Dictionary<string, (JsonSchema Schema, JsonObject OpenApi)> _byKind = new(StringComparer.Ordinal);
    private readonly CelRules _rules = new();

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
                    Add($"{group}/{version["name"]!.GetValue<string>()}/{kind}", openApi, n++);
                }
            }
        }
        // Core kinds the translators write next to their CRDs (v1 Service), from the schemas vendored with the suites.
        foreach (var name in typeof(CrdSchemaSet).Assembly.GetManifestResourceNames().Where(r => r.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            using var stream = typeof(CrdSchemaSet).Assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            foreach (var core in YamlJson.Documents(reader.ReadToEnd()))
            {
                if (core["openAPIV3Schema"] is JsonObject openApi) Add($"{core["apiVersion"]!.GetValue<string>()}/{core["kind"]!.GetValue<string>()}", openApi, n++);
            }
        }
    }

    private void Add(string key, JsonObject openApi, int n)
    {
        var schema = StructuralSchema.ToJsonSchema(openApi);
        // apiVersion, kind and metadata are implicit in every CRD's root schema.
        var rootProperties = (JsonObject)(schema["properties"] ??= new JsonObject());
        rootProperties.TryAdd("apiVersion", new JsonObject { ["type"] = "string" });
        rootProperties.TryAdd("kind", new JsonObject { ["type"] = "string" });
        rootProperties.TryAdd("metadata", new JsonObject { ["type"] = "object" });
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        var built = JsonSchema.FromText(schema.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri($"https://mesh-sdk.test/crd/{n}"));
        _byKind[key] = (built, openApi);
        _rules.Declare(key, openApi);
    }

    /// <summary>The <c>apiVersion/kind</c> pairs known.</summary>
    public IReadOnlyCollection<string> Kinds => _byKind.Keys;

    /// <summary>What the CEL rules did on the objects validated so far: rules checked, violated and unevaluated (with reasons).</summary>
    public CelReport CelReport => _rules.Report();

    /// <summary>
    /// Every problem of <paramref name="resource"/>, defaulted by its schema as the API server does: schema violations
    /// (unknown fields included) and failed CEL rules.
    /// </summary>
    /// <param name="resource">A manifest as a JSON tree (not changed).</param>
    public IReadOnlyList<string> Validate(JsonNode resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (!TryDefault(resource, out var entry, out var defaulted)) return [$"no served CRD schema for {Key(resource)}"];
        var problems = new List<string>();
        using var document = JsonDocument.Parse(defaulted.ToJsonString());
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
        _rules.Evaluate(entry.OpenApi, defaulted, problems);
        return problems;
    }

    /// <summary>The failed CEL rules of <paramref name="resource"/> (defaulted first), without the schema check.</summary>
    /// <param name="resource">A manifest as a JSON tree (not changed).</param>
    public IReadOnlyList<string> ValidateRules(JsonNode resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (!TryDefault(resource, out var entry, out var defaulted)) return [$"no served CRD schema for {Key(resource)}"];
        var problems = new List<string>();
        _rules.Evaluate(entry.OpenApi, defaulted, problems);
        return problems;
    }

    /// <summary>Whether a served schema knows <paramref name="resource"/>'s <c>apiVersion/kind</c>.</summary>
    /// <param name="resource">A manifest as a JSON tree.</param>
    public bool Knows(JsonNode resource) => resource is not null && _byKind.ContainsKey(Key(resource));

    private static string Key(JsonNode resource) => $"{resource["apiVersion"]?.GetValue<string>()}/{resource["kind"]?.GetValue<string>()}";

    private bool TryDefault(JsonNode resource, out (JsonSchema Schema, JsonObject OpenApi) entry, out JsonNode defaulted)
    {
        defaulted = resource;
        if (!_byKind.TryGetValue(Key(resource), out entry)) return false;
        defaulted = resource.DeepClone();
        StructuralDefaulting.Apply(entry.OpenApi, defaulted);
        return true;
    }
}

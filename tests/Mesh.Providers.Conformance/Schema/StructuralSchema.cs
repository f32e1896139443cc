using System.Text.Json.Nodes;

namespace Mesh.Providers.Conformance.Schema;

/// <summary>
/// Kubernetes' OpenAPI v3 structural schema → a strict JSON Schema: every object schema with <c>properties</c> and no
/// <c>x-kubernetes-preserve-unknown-fields</c> gets <c>additionalProperties: false</c> (the API server would prune an
/// unknown field silently, so our output must have none); <c>x-kubernetes-int-or-string</c> becomes integer-or-string;
/// <c>nullable</c> allows null. Descriptions, formats and other extensions are dropped.
/// </summary>
public static class StructuralSchema
{
    private static readonly string[] Subschemas = ["oneOf", "anyOf", "allOf"];
    private static readonly string[] Copied = ["type", "required", "enum", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "pattern", "minItems", "maxItems", "minProperties", "maxProperties", "uniqueItems"];

    /// <summary>Converts one OpenAPI schema node.</summary>
    /// <param name="openApi">The <c>openAPIV3Schema</c> (or any node of it).</param>
    /// <returns>The JSON Schema (draft 2020-12 keywords).</returns>
    public static JsonObject ToJsonSchema(JsonObject openApi)
    {
        ArgumentNullException.ThrowIfNull(openApi);
        var result = new JsonObject();
        foreach (var key in Copied)
        {
            if (openApi[key] is { } value) result[key] = value.DeepClone();
        }
        if (openApi["properties"] is JsonObject properties)
        {
            var converted = new JsonObject();
            foreach (var (name, schema) in properties)
            {
                if (schema is JsonObject s) converted[name] = ToJsonSchema(s);
            }
            result["properties"] = converted;
        }
        if (openApi["items"] is JsonObject items) result["items"] = ToJsonSchema(items);
        if (openApi["not"] is JsonObject not) result["not"] = ToJsonSchema(not);
        foreach (var key in Subschemas)
        {
            if (openApi[key] is JsonArray list) result[key] = new JsonArray([.. list.OfType<JsonObject>().Select(ToJsonSchema)]);
        }
        var preserve = openApi["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true;
        switch (openApi["additionalProperties"])
        {
            case JsonObject additional:
                result["additionalProperties"] = ToJsonSchema(additional);
                break;
            case JsonValue flag:
                result["additionalProperties"] = flag.DeepClone();
                break;
            default:
                if (result["properties"] is not null && !preserve) result["additionalProperties"] = false;
                break;
        }
        if (openApi["x-kubernetes-int-or-string"]?.GetValue<bool>() == true)
        {
            result.Remove("type");
            result["anyOf"] = new JsonArray(new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "string" });
        }
        if (openApi["nullable"]?.GetValue<bool>() == true && result["type"] is JsonValue type)
        {
            result["type"] = new JsonArray(type.GetValue<string>(), "null");
        }
        return result;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Mesh.Providers.Istio.Mapping;
using Mesh.Providers.Istio.Resources;
using Mesh.Kubernetes;

namespace Mesh.Providers.Istio.Import;

/// <summary>
/// Turns a YAML document into a typed resource. Fields the typed classes do not hold (the model has no place for them)
/// are found by comparing the input tree with the typed object written back, and reported one by one with their paths.
/// </summary>
internal static class ResourceReader
{
    private static readonly HashSet<string> OutOfScopeFields = new(StringComparer.Ordinal) { "gateways", "exportTo" };

    public static object? Read(YamlDocument document, string source, ImportContext ctx)
    {
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
        if (!IstioResourceTypes.TryGet(apiVersion, kind, out var type))
        {
            var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
            var group = slash < 0 ? string.Empty : apiVersion[..slash];
            var known = IstioResourceTypes.TypeMap.Keys.Any(k => k.StartsWith(group + "/", StringComparison.Ordinal) && k.EndsWith("/" + kind, StringComparison.Ordinal));
            if (known)
            {
                ctx.Invalid(source, "$.apiVersion", $"'{apiVersion}' is not a served version of {kind}; use {group}/{IstioResourceTypes.CurrentVersion}.");
            }
            else if (IstioResourceTypes.Groups.Contains(group))
            {
                ctx.OutOfScope(source, "$.kind", $"{kind} ({apiVersion}) is outside the model (gateways, Envoy filters, telemetry, …); it was skipped.");
            }
            else
            {
                ctx.UnknownKind(source, "$.kind", $"{kind} ({apiVersion}) is not an Istio resource this provider reads; it was skipped.");
            }
            return null;
        }

        object? typed;
        try
        {
            typed = root.Deserialize(type, IstioJson.Options);
        }
        catch (JsonException e)
        {
            ctx.Invalid(source, e.Path ?? "$", $"The {kind} does not match Istio's schema: {FirstLine(e.Message)}");
            return null;
        }
        if (typed is null) return null;
        if (!apiVersion.EndsWith("/" + IstioResourceTypes.CurrentVersion, StringComparison.Ordinal))
        {
            ctx.Legacy(source, "$.apiVersion", $"{apiVersion} is an older served version of {kind}; it was read as {IstioResourceTypes.CurrentVersion} (same schema).");
            ((k8s.IKubernetesObject)typed).ApiVersion = apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] + "/" + IstioResourceTypes.CurrentVersion;
        }
        var written = JsonSerializer.SerializeToNode(typed, type, IstioJson.Options);
        Diff(root, written, "$", source, ctx);
        return typed;
    }

    private static string? Text(JsonObject obj, string key) =>
        obj[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string FirstLine(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }

    /// <summary>Reports every field of <paramref name="input"/> that <paramref name="typed"/> does not hold.</summary>
    internal static void Diff(JsonNode? input, JsonNode? typed, string path, string source, ImportContext ctx)
    {
        switch (input)
        {
            case JsonObject inputObject:
                var typedObject = typed as JsonObject;
                foreach (var (key, value) in inputObject)
                {
                    if (value is null) continue;
                    var at = path + IstioJson.Segment(key);
                    var counterpart = typedObject?[key];
                    if (counterpart is null)
                    {
                        Report(key, at, source, ctx);
                        continue;
                    }
                    Diff(value, counterpart, at, source, ctx);
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
                        Report(null, at, source, ctx);
                        continue;
                    }
                    Diff(inputArray[i], typedArray[i], at, source, ctx);
                }
                break;
        }
    }

    private static void Report(string? key, string path, string source, ImportContext ctx)
    {
        if (key is not null && OutOfScopeFields.Contains(key))
        {
            ctx.OutOfScope(source, path, $"'{key}' (gateway binding / visibility) is outside the model; it was not imported.");
        }
        else if (path == "$.status")
        {
            ctx.NotImportedInfo(source, path, "Status is written by the cluster; it was not imported.");
        }
        else
        {
            ctx.NotImported(source, path, "The model has no place for this field; it was not imported.");
        }
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Mesh.Kubernetes;

namespace Mesh.Providers.GatewayApi.Import;

/// <summary>
/// Turns a YAML document into a typed route. Fields the typed classes do not hold (the model has no place for them:
/// rule names, sectionName, per-backend filters, …) are found by comparing the input tree with the typed object written
/// back, and reported one by one with their paths. (Route <c>hostnames</c> are held, and reported by the route importer
/// when the route is a mesh route.)
/// </summary>
internal static class ResourceReader
{
    public static object? Read(YamlDocument document, string source, SourceDiagnostics ctx) => Read(document, source, ctx, ResourceCatalog.GatewayApi);

    public static object? Read(YamlDocument document, string source, SourceDiagnostics ctx, ResourceCatalog catalog)
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
        if (!catalog.TypeMap.TryGetValue($"{apiVersion}/{kind}", out var type))
        {
            var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
            var group = slash < 0 ? string.Empty : apiVersion[..slash];
            var known = catalog.TypeMap.Keys.FirstOrDefault(k => k.StartsWith(group + "/", StringComparison.Ordinal) && k.EndsWith("/" + kind, StringComparison.Ordinal));
            if (known is not null)
            {
                ctx.Invalid(source, "$.apiVersion", $"'{apiVersion}' is not a served version of {kind}; use {catalog.Canonical[catalog.TypeMap[known]]}.");
            }
            else if (catalog.Groups.Contains(group))
            {
                ctx.OutOfScope(source, "$.kind", $"{kind} ({apiVersion}) is outside what this provider translates; it was skipped.");
                if (catalog.LegacyNotes?.GetValueOrDefault(kind) is { } note) ctx.Legacy(source, "$.kind", note);
            }
            else
            {
                ctx.UnknownKind(source, "$.kind", $"{kind} ({apiVersion}) is not {catalog.Description}; it was skipped.");
            }
            return null;
        }

        object? typed;
        try
        {
            typed = root.Deserialize(type, KubeJson.Options);
        }
        catch (JsonException e)
        {
            ctx.Invalid(source, e.Path ?? "$", $"The {kind} does not match the Gateway API schema: {FirstLine(e.Message)}");
            return null;
        }
        if (typed is null) return null;
        var canonical = catalog.Canonical[type];
        if (apiVersion != canonical)
        {
            ctx.Legacy(source, "$.apiVersion", catalog.VersionNotes?.GetValueOrDefault($"{apiVersion}/{kind}") ?? $"{apiVersion} is an older served version of {kind}; it was read as {canonical}.");
            ((k8s.IKubernetesObject)typed).ApiVersion = canonical;
        }
        var written = JsonSerializer.SerializeToNode(typed, type, KubeJson.Options);
        FieldDiff.Diff(root, written, "$", (key, path) => Report(key, path, source, ctx));
        return typed;
    }

    private static string? Text(JsonObject obj, string key) =>
        obj[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string FirstLine(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }

    private static void Report(string? key, string path, string source, SourceDiagnostics ctx)
    {
        if (path == "$.status")
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

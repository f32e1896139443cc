using System.Text.Json;
using Mesh.Analysis;
using Mesh.Diagnostics;
using Mesh.Serialization;

namespace Mesh.Cli.Output;

/// <summary>
/// Prints the changes of <c>mesh diff</c> to stdout: as text, a heading per object and one line per change
/// (<c>~ path: old → new</c>, <c>+ path: new</c>, <c>- path: old</c>) located in the model file when the side is one, then a
/// summary line; or as one JSON array of change objects.
/// </summary>
internal static class ChangeWriter
{
    public static void Write(TextWriter writer, MeshDiffResult result, OutputFormat format, SourceMap desired, SourceMap live)
    {
        if (format == OutputFormat.Json)
        {
            WriteJson(writer, result, desired, live);
            return;
        }
        (MeshObjectKind, string)? current = null;
        foreach (var change in result.Changes)
        {
            if (current != (change.Object, change.Name))
            {
                current = (change.Object, change.Name);
                writer.WriteLine($"{MeshDiff.Heading(change.Object)} {change.Name}");
            }
            var location = Locate(change, desired, live);
            writer.WriteLine(location is null ? $"  {change}" : $"  {change} ({location})");
        }
        var objects = result.Changes.Select(c => (c.Object, c.Name)).Distinct().Count();
        writer.WriteLine(result.HasChanges
            ? $"drift: {result.Changes.Count} change(s) in {objects} object(s)"
            : "no drift: the live configuration sends the same traffic to the same workloads, with the same policies");
    }

    private static void WriteJson(TextWriter writer, MeshDiffResult result, SourceMap desired, SourceMap live)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var change in result.Changes)
            {
                json.WriteStartObject();
                json.WriteString("kind", change.Kind.ToString().ToLowerInvariant());
                json.WriteString("object", JsonNamingPolicy.CamelCase.ConvertName(change.Object.ToString()));
                json.WriteString("name", change.Name);
                json.WriteString("path", change.Path);
                if (change.DesiredPath is { } desiredPath) json.WriteString("desiredPath", desiredPath);
                if (change.LivePath is { } livePath) json.WriteString("livePath", livePath);
                if (change.Old is { } old) json.WriteString("old", old);
                if (change.New is { } value) json.WriteString("new", value);
                if (Locate(change, desired, live) is { } location)
                {
                    if (location.File is not null) json.WriteString("file", location.File);
                    json.WriteNumber("line", location.Line);
                    json.WriteNumber("column", location.Column);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        writer.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>Where the change's path is in the file of its side (the nearest written node), when that side is a model file.</summary>
    private static SourceLocation? Locate(MeshChange change, SourceMap desired, SourceMap live)
    {
        var (map, path) = change.DesiredPath is { } d ? (desired, d) : (live, change.LivePath!);
        while (map.Count > 0 && path.Length > 0)
        {
            if (map.TryGetLocation(path, out var location)) return location;
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0) break;
            path = path[..cut];
        }
        return null;
    }
}

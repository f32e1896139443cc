using System.Text.Json;
using Mesh.Diagnostics;

namespace Mesh.Cli.Output;

/// <summary>Prints diagnostics to stderr as text lines or as one JSON array.</summary>
internal static class DiagnosticWriter
{
    /// <summary>Writes <paramref name="diagnostics"/> in <paramref name="format"/>; an empty list writes nothing in text and <c>[]</c> in JSON.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<Diagnostic> diagnostics, OutputFormat format)
    {
        if (format == OutputFormat.Json)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartArray();
                foreach (var d in diagnostics)
                {
                    json.WriteStartObject();
                    json.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
                    json.WriteString("code", d.Code.Value);
                    json.WriteString("path", d.Path);
                    json.WriteString("message", d.Message);
                    if (d.Provider is { } provider) json.WriteString("provider", provider.Value);
                    if (d.Location is not null)
                    {
                        if (d.Location.File is not null) json.WriteString("file", d.Location.File);
                        json.WriteNumber("line", d.Location.Line);
                        json.WriteNumber("column", d.Location.Column);
                    }
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            writer.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            return;
        }
        foreach (var d in diagnostics) writer.WriteLine(d.ToString());
    }
}

using System.Text.Json;
using Mesh.Diagnostics;

namespace Mesh.Cli.Output;

/// <summary>
/// Prints diagnostics to stderr as text lines or as one JSON array. Text lines colour their severity when stderr is a terminal
/// and <c>NO_COLOR</c> is not set (<see cref="CliContext.Colour"/>).
/// </summary>
internal static class DiagnosticWriter
{
    /// <summary>Writes to the command's stderr, in colour when it is a terminal.</summary>
    public static void Write(CliContext context, IReadOnlyList<Diagnostic> diagnostics, OutputFormat format) =>
        Write(context.Stderr, diagnostics, format, context.Colour);

    /// <summary>Writes <paramref name="diagnostics"/> in <paramref name="format"/>; an empty list writes nothing in text and <c>[]</c> in JSON.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<Diagnostic> diagnostics, OutputFormat format, bool colour = false)
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
        foreach (var d in diagnostics) writer.WriteLine(colour ? Coloured(d) : d.ToString());
    }

    /// <summary>The text line with its leading severity word in the severity's ANSI colour.</summary>
    internal static string Coloured(Diagnostic diagnostic)
    {
        var text = diagnostic.ToString();
        var word = diagnostic.Severity.ToString().ToLowerInvariant();
        if (!text.StartsWith(word, StringComparison.Ordinal)) return text;
        var colour = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => "\u001b[31m",
            DiagnosticSeverity.Warning => "\u001b[33m",
            _ => "\u001b[36m",
        };
        return $"{colour}{word}\u001b[0m{text[word.Length..]}";
    }
}

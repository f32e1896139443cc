using Mesh.Model;

namespace Mesh.Serialization;

/// <summary>
/// Reads and writes the YAML form of a <see cref="MeshConfig"/>: <c>kind: Mesh</c>, <c>metadata: {name}</c>, <c>spec</c>
/// with camelCase model property names, durations such as <c>500ms</c> and service references as <c>name.namespace</c>.
/// </summary>
public static class MeshYaml
{
    /// <summary>Reads a mesh document from text. Never throws for bad input: every problem becomes a diagnostic.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="sourceName">The file name put in diagnostics' locations.</param>
    /// <param name="options">Reading limits.</param>
    /// <returns>The model (null when any error was found), the diagnostics and the source map.</returns>
    public static MeshReadResult Read(string text, string? sourceName = null, MeshReaderOptions? options = null) =>
        MeshDocumentReader.Read(text, sourceName, options);

    /// <summary>
    /// Reads a mesh document from a UTF-8 stream, reading no more than <see cref="MeshReaderOptions.MaxBytes"/> (plus one byte
    /// to detect a larger input, which is reported as a diagnostic). The stream is not closed.
    /// </summary>
    /// <param name="stream">The UTF-8 input.</param>
    /// <param name="sourceName">The file name put in diagnostics' locations.</param>
    /// <param name="options">Reading limits.</param>
    /// <returns>The model (null when any error was found), the diagnostics and the source map.</returns>
    public static MeshReadResult Read(Stream stream, string? sourceName = null, MeshReaderOptions? options = null) =>
        MeshDocumentReader.Read(stream, sourceName, options);

    /// <summary>Writes the model as block-style YAML; the same model always gives the same text.</summary>
    /// <param name="config">The model.</param>
    /// <returns>The YAML text, ending with a newline.</returns>
    public static string Write(MeshConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return YamlRenderer.Render(MeshConfigWriter.Write(config));
    }
}

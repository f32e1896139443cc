using Mesh.Model;

namespace Mesh.Serialization;

/// <summary>The JSON form of a <see cref="MeshConfig"/>: the same key names and value forms as <see cref="MeshYaml"/>.</summary>
public static class MeshJson
{
    /// <summary>Reads a mesh document from JSON text (through the same reader as YAML, JSON being YAML's flow form).</summary>
    /// <param name="text">The JSON text.</param>
    /// <param name="sourceName">The file name put in diagnostics' locations.</param>
    /// <param name="options">Reading limits.</param>
    /// <returns>The model (null when any error was found), the diagnostics and the source map.</returns>
    public static MeshReadResult Read(string text, string? sourceName = null, MeshReaderOptions? options = null) =>
        MeshDocumentReader.Read(text, sourceName, options);

    /// <summary>Writes the model as indented JSON; the same model always gives the same text.</summary>
    /// <param name="config">The model.</param>
    /// <returns>The JSON text, ending with a newline.</returns>
    public static string Write(MeshConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return JsonRenderer.Render(MeshConfigWriter.Write(config));
    }
}

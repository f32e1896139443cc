using Mesh.Diagnostics;

namespace Mesh.Serialization;

/// <summary>Reads the single document of a mesh model through <see cref="YamlStreamReader"/>'s engine.</summary>
internal static class YamlTreeReader
{
    /// <summary>Parses one document; returns null (with a diagnostic) when the text is not a readable single document.</summary>
    public static YamlNode? Parse(TextReader text, MeshReaderOptions options, ReadContext context)
    {
        var failed = false;
        var documents = YamlStreamReader.Read(text, options, (code, line, column, message) =>
        {
            failed = true;
            context.Error(code, "$", line, column, message);
        });
        if (failed) return null;
        if (documents.Count > 1)
        {
            context.Error(DiagnosticCodes.Syntax, "$", documents[1].Line, documents[1].Column, "Expected a single YAML document, found more than one.");
            return null;
        }
        if (documents.Count == 0 || documents[0].IsNull)
        {
            context.Error(DiagnosticCodes.MissingRequired, "$", 1, 1, "The document is empty: expected a mapping with kind, metadata and spec.");
            return null;
        }
        return documents[0];
    }
}

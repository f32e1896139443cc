using System.Text;
using Mesh.Diagnostics;

namespace Mesh.Serialization;

/// <summary>The one reader behind <see cref="MeshYaml"/> and <see cref="MeshJson"/>: limits, parse to nodes, map to the model.</summary>
internal static class MeshDocumentReader
{
    public static MeshReadResult Read(string text, string? sourceName, MeshReaderOptions? options)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= MeshReaderOptions.Default;
        var context = new ReadContext(sourceName, options);
        if (text.Length > options.MaxBytes || Encoding.UTF8.GetByteCount(text) > options.MaxBytes)
        {
            context.Error(DiagnosticCodes.LimitExceeded, "$", 1, 1, $"The document is larger than {options.MaxBytes} bytes (MaxBytes).");
            return Finish(context, null);
        }
        using var reader = new StringReader(text);
        return Parse(reader, context, options);
    }

    public static MeshReadResult Read(Stream stream, string? sourceName, MeshReaderOptions? options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= MeshReaderOptions.Default;
        using var reader = new LimitedUtf8Reader(stream, options.MaxBytes);
        var result = Parse(reader, new ReadContext(sourceName, options), options);
        if (!reader.LimitExceeded && !reader.InvalidUtf8) return result;

        // The parser saw a truncated document; what it made of that is noise next to the real cause.
        var context = new ReadContext(sourceName, options);
        if (reader.LimitExceeded)
        {
            context.Error(DiagnosticCodes.LimitExceeded, "$", 1, 1, $"The document is larger than {options.MaxBytes} bytes (MaxBytes); reading stopped there.");
        }
        else
        {
            context.Error(DiagnosticCodes.Syntax, "$", 1, 1, $"The input is not valid UTF-8 (within the first {reader.BytesRead} bytes).");
        }
        return Finish(context, null);
    }

    private static MeshReadResult Parse(TextReader reader, ReadContext context, MeshReaderOptions options)
    {
        var root = YamlTreeReader.Parse(reader, options, context);
        var config = root is null ? null : MeshConfigReader.Read(root, context);
        return Finish(context, config);
    }

    private static MeshReadResult Finish(ReadContext context, Model.MeshConfig? config) => new()
    {
        Config = context.HasErrors ? null : config,
        Diagnostics = context.Diagnostics,
        SourceMap = context.BuildSourceMap(),
    };
}

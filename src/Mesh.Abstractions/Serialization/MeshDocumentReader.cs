using System.Text;
using Mesh.Diagnostics;

namespace Mesh.Serialization;

/// <summary>The one reader behind <see cref="MeshYaml"/> and <see cref="MeshJson"/>: limits, parse to nodes, map to the model.</summary>
internal static class MeshDocumentReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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
        var context = new ReadContext(sourceName, options);

        // Read at most MaxBytes + 1 bytes: one byte more than allowed is proof enough that the input is too large.
        var limit = options.MaxBytes;
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (buffer.Length <= limit)
        {
            var want = (int)Math.Min(chunk.Length, limit + 1 - buffer.Length);
            var read = stream.Read(chunk, 0, want);
            if (read == 0) break;
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length > limit)
        {
            context.Error(DiagnosticCodes.LimitExceeded, "$", 1, 1, $"The document is larger than {options.MaxBytes} bytes (MaxBytes); reading stopped there.");
            return Finish(context, null);
        }

        string text;
        try
        {
            var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            context.Error(DiagnosticCodes.Syntax, "$", 1, 1, $"The input is not valid UTF-8 (byte {e.Index}).");
            return Finish(context, null);
        }
        using var reader = new StringReader(text);
        return Parse(reader, context, options);
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

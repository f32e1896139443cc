using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Mesh.Serialization;

/// <summary>Renders the writer-neutral tree as indented JSON with <see cref="Utf8JsonWriter"/>, iteratively.</summary>
internal static class JsonRenderer
{
    private sealed class End(bool isObject)
    {
        public bool IsObject { get; } = isObject;
    }

    public static string Render(WriteNode root)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var options = new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = false };
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            var pending = new Stack<object>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                switch (pending.Pop())
                {
                    case End end:
                        if (end.IsObject) writer.WriteEndObject();
                        else writer.WriteEndArray();
                        break;
                    case string key:
                        writer.WritePropertyName(key);
                        break;
                    case WriteScalar scalar:
                        if (scalar.Kind == WriteScalarKind.String) writer.WriteStringValue(scalar.Text);
                        else writer.WriteRawValue(scalar.Text);
                        break;
                    case WriteSequence sequence:
                        writer.WriteStartArray();
                        pending.Push(new End(false));
                        for (var i = sequence.Items.Count - 1; i >= 0; i--) pending.Push(sequence.Items[i]);
                        break;
                    case WriteMapping mapping:
                        writer.WriteStartObject();
                        pending.Push(new End(true));
                        for (var i = mapping.Entries.Count - 1; i >= 0; i--)
                        {
                            pending.Push(mapping.Entries[i].Value);
                            pending.Push(mapping.Entries[i].Key);
                        }
                        break;
                }
            }
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }
}

using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Mesh.Serialization;

/// <summary>Renders the writer-neutral tree as block-style YAML with YamlDotNet's emitter, iteratively.</summary>
internal static class YamlRenderer
{
    public static string Render(WriteNode root)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        var settings = new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024, skipAnchorName: false, indentSequences: true, newLine: "\n");
        var emitter = new Emitter(text, settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());

        // Explicit stack of pending events: a node is expanded into its start, children and end.
        var pending = new Stack<object>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case ParsingEvent parsingEvent:
                    emitter.Emit(parsingEvent);
                    break;
                case string key:
                    emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, key, ScalarStyle.Any, true, true));
                    break;
                case WriteScalar scalar:
                    emitter.Emit(Scalar(scalar));
                    break;
                case WriteSequence sequence:
                    var sequenceStyle = sequence.Items.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block;
                    emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, sequenceStyle));
                    pending.Push(new SequenceEnd());
                    for (var i = sequence.Items.Count - 1; i >= 0; i--) pending.Push(sequence.Items[i]);
                    break;
                case WriteMapping mapping:
                    var mappingStyle = mapping.Entries.Count == 0 ? MappingStyle.Flow : MappingStyle.Block;
                    emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, mappingStyle));
                    pending.Push(new MappingEnd());
                    for (var i = mapping.Entries.Count - 1; i >= 0; i--)
                    {
                        var entry = mapping.Entries[i];
                        pending.Push(entry.Value);
                        pending.Push(entry.IsDataKey ? new WriteScalar(entry.Key, WriteScalarKind.String) : entry.Key);
                    }
                    break;
            }
        }
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static Scalar Scalar(WriteScalar scalar)
    {
        if (scalar.Kind != WriteScalarKind.String)
        {
            return new Scalar(AnchorName.Empty, TagName.Empty, scalar.Text, ScalarStyle.Plain, true, false);
        }
        // Strings that would read back as another type (2, true, null, 1.0) are quoted, and so are strings that begin or end with
        // whitespace (the emitter wrote a leading tab plain, and the reader dropped it); the rest are plain when possible.
        var text = scalar.Text;
        var style = ScalarTypes.NeedsQuotes(text) || (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
            ? ScalarStyle.DoubleQuoted
            : ScalarStyle.Any;
        return new Scalar(AnchorName.Empty, TagName.Empty, scalar.Text, style, style == ScalarStyle.Any, true);
    }
}

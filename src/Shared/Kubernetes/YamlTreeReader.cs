using System.Globalization;
using System.Text.Json.Nodes;
using Mesh.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Mesh.Kubernetes;

/// <summary>
/// Reads a YAML stream into JSON trees, typing plain scalars by the YAML 1.2 core schema (null, bool, int, float)
/// and keeping quoted scalars as strings — what the Kubernetes API server does with a manifest.
/// </summary>
internal static class YamlTreeReader
{
    /// <summary>The deepest nesting accepted; deeper input is reported, not followed.</summary>
    public const int MaxDepth = 64;

    /// <summary>Reads every document; a syntax error ends the stream with one diagnostic tagged with <paramref name="provider"/>.</summary>
    public static IReadOnlyList<YamlDocument> Read(string yaml, string sourceName, string provider, List<Diagnostic> diagnostics)
    {
        var documents = new List<YamlDocument>();
        var parser = new Parser(new StringReader(yaml));
        var index = 0;
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out var start))
            {
                var anchors = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
                var positions = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
                var location = new SourceLocation(sourceName, (int)start.Start.Line, (int)start.Start.Column);
                var reader = new NodeReader(parser, anchors, positions, sourceName);
                var root = reader.Read("$", 0);
                parser.Consume<DocumentEnd>();
                documents.Add(new YamlDocument(index++, root, location, positions));
            }
            parser.Consume<StreamEnd>();
        }
        catch (DuplicateKeyException e)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateKey, $"{sourceName}#{index} {e.Path}", e.Message) with
            {
                Provider = provider,
                Location = new SourceLocation(sourceName, (int)e.Start.Line, (int)e.Start.Column),
            });
        }
        catch (YamlException e)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Syntax, $"{sourceName}#{index} $", $"Not well-formed YAML: {e.Message}") with
            {
                Provider = provider,
                Location = new SourceLocation(sourceName, (int)e.Start.Line, (int)e.Start.Column),
            });
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's parser reports some malformed streams as an invalid state.
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Syntax, $"{sourceName}#{index} $", $"Not well-formed YAML: {e.Message}") with { Provider = provider });
        }
        catch (DepthExceededException e)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LimitExceeded, $"{sourceName}#{index} $", e.Message) with { Provider = provider });
        }
        return documents;
    }

    private sealed class NodeReader(IParser parser, Dictionary<string, JsonNode?> anchors, Dictionary<string, SourceLocation> positions, string sourceName)
    {
        private void Mark(string path, Mark mark) => positions.TryAdd(path, new SourceLocation(sourceName, (int)mark.Line, (int)mark.Column));

        public JsonNode? Read(string path, int depth)
        {
            if (depth > MaxDepth) throw new DepthExceededException($"The document nests deeper than {MaxDepth} levels.");
            if (path.Length > 0 && parser.Current is { } current) Mark(path, current.Start);
            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                if (!anchors.TryGetValue(alias.Value.Value, out var target)) throw new YamlException(alias.Start, alias.End, $"Unknown alias '{alias.Value}'.");
                return target?.DeepClone();
            }
            if (parser.TryConsume<Scalar>(out var scalar))
            {
                var value = ScalarValue(scalar);
                Remember(anchors, scalar.Anchor, value);
                return value;
            }
            if (parser.TryConsume<SequenceStart>(out var sequenceStart))
            {
                var array = new JsonArray();
                while (!parser.TryConsume<SequenceEnd>(out _)) array.Add(Read($"{path}[{array.Count}]", depth + 1));
                Remember(anchors, sequenceStart.Anchor, array);
                return array;
            }
            var mappingStart = parser.Consume<MappingStart>();
            var obj = new JsonObject();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyEvent = parser.Current;
                var key = Read(string.Empty, depth + 1);
                var keyText = key switch
                {
                    null => "null",
                    JsonValue v => v.ToString(),
                    _ => throw new YamlException(keyEvent!.Start, keyEvent.End, "A mapping key must be a scalar."),
                };
                var at = path + JsonPaths.Segment(keyText);
                if (keyEvent is not null) Mark(at, keyEvent.Start);
                var value = Read(at, depth + 1);
                if (obj.ContainsKey(keyText)) throw new DuplicateKeyException(keyText, at, keyEvent!.Start);
                obj[keyText] = value;
            }
            Remember(anchors, mappingStart.Anchor, obj);
            return obj;
        }
    }

    private static void Remember(Dictionary<string, JsonNode?> anchors, AnchorName anchor, JsonNode? node)
    {
        if (!anchor.IsEmpty) anchors[anchor.Value] = node;
    }

    private static JsonValue? ScalarValue(Scalar scalar)
    {
        var text = scalar.Value;
        if (scalar.Style != ScalarStyle.Plain || !scalar.IsPlainImplicit) return JsonValue.Create(text);
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }
        if (IsInteger(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)) return JsonValue.Create(integer);
        if (IsFloat(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real)) return JsonValue.Create(real);
        return JsonValue.Create(text);
    }

    private static bool IsInteger(string text)
    {
        var start = text[0] is '-' or '+' ? 1 : 0;
        if (start == text.Length) return false;
        for (var i = start; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i])) return false;
        }
        return true;
    }

    private static bool IsFloat(string text)
    {
        // YAML 1.2 core schema: [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
        var i = text[0] is '-' or '+' ? 1 : 0;
        var digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i])) { i++; digits++; }
        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i])) { i++; digits++; }
        }
        if (digits == 0) return false;
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '-' or '+') i++;
            var exponent = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i])) { i++; exponent++; }
            if (exponent == 0) return false;
        }
        return i == text.Length;
    }

    private sealed class DepthExceededException(string message) : Exception(message);

    private sealed class DuplicateKeyException(string key, string path, Mark start) : Exception($"The key '{key}' appears twice in one mapping; the API server would keep only one of them.")
    {
        public string Path { get; } = path;

        public Mark Start { get; } = start;
    }
}

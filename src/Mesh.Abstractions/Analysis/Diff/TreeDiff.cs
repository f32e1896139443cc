using System.Globalization;
using System.Text;
using Mesh.Serialization;

namespace Mesh.Analysis;

/// <summary>
/// Compares two written trees of normalised model objects (wire names, the writer's forms of durations and enums): mappings
/// key by key, anything else as a whole. Numbers compare by value (<c>10</c> = <c>10.0</c>). Values are shown in YAML flow style.
/// </summary>
internal static class TreeDiff
{
    public static void Compare(WriteNode? desired, WriteNode? live, string desiredPath, string livePath, ChangeSink sink)
    {
        if (desired is null && live is null) return;
        if (desired is null)
        {
            sink.Added(livePath, Flow(live!));
            return;
        }
        if (live is null)
        {
            sink.Removed(desiredPath, Flow(desired));
            return;
        }
        if (desired is WriteMapping a && live is WriteMapping b)
        {
            foreach (var entry in a.Entries)
            {
                var other = Find(b, entry.Key);
                Compare(entry.Value, other, Child(desiredPath, entry.Key), Child(livePath, entry.Key), sink);
            }
            foreach (var entry in b.Entries)
            {
                if (Find(a, entry.Key) is null) sink.Added(Child(livePath, entry.Key), Flow(entry.Value));
            }
            return;
        }
        if (!Same(desired, live)) sink.Changed(desiredPath, livePath, Flow(desired), Flow(live));
    }

    /// <summary>The mapping without the entries of <paramref name="keys"/> (identity fields, or lists compared apart).</summary>
    public static WriteMapping Without(WriteMapping mapping, params string[] keys)
    {
        var result = new WriteMapping();
        foreach (var entry in mapping.Entries)
        {
            if (!keys.Contains(entry.Key, StringComparer.Ordinal)) result.Entries.Add(entry);
        }
        return result;
    }

    public static WriteNode? Find(WriteMapping mapping, string key)
    {
        foreach (var entry in mapping.Entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.Ordinal)) return entry.Value;
        }
        return null;
    }

    public static bool Same(WriteNode a, WriteNode b)
    {
        switch (a, b)
        {
            case (WriteScalar x, WriteScalar y):
                if (x.Kind == WriteScalarKind.Number && y.Kind == WriteScalarKind.Number
                    && decimal.TryParse(x.Text, NumberStyles.Number, CultureInfo.InvariantCulture, out var m)
                    && decimal.TryParse(y.Text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n))
                {
                    return m == n;
                }
                return x.Kind == y.Kind && string.Equals(x.Text, y.Text, StringComparison.Ordinal);
            case (WriteSequence x, WriteSequence y):
                if (x.Items.Count != y.Items.Count) return false;
                for (var i = 0; i < x.Items.Count; i++)
                {
                    if (!Same(x.Items[i], y.Items[i])) return false;
                }
                return true;
            case (WriteMapping x, WriteMapping y):
                if (x.Entries.Count != y.Entries.Count) return false;
                foreach (var entry in x.Entries)
                {
                    if (Find(y, entry.Key) is not { } other || !Same(entry.Value, other)) return false;
                }
                return true;
            default:
                return false;
        }
    }

    /// <summary>A path one key further: <c>.key</c>, or <c>['key']</c> when the key is not a plain word (as validation paths write map keys).</summary>
    public static string Child(string path, string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? $"{path}.{key}"
            : $"{path}['{key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Index(string path, int index) => $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]";

    /// <summary>The node in YAML flow style on one line: <c>{ port: 9080, protocol: http }</c>, <c>[GET, POST]</c>, <c>2s</c>.</summary>
    public static string Flow(WriteNode node)
    {
        var text = new StringBuilder();
        Flow(node, text);
        return text.ToString();
    }

    private static void Flow(WriteNode node, StringBuilder text)
    {
        switch (node)
        {
            case WriteScalar scalar:
                text.Append(scalar.Kind == WriteScalarKind.String ? Quote(scalar.Text) : scalar.Text);
                break;
            case WriteSequence sequence:
                text.Append('[');
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    if (i > 0) text.Append(", ");
                    Flow(sequence.Items[i], text);
                }
                text.Append(']');
                break;
            case WriteMapping mapping:
                if (mapping.Entries.Count == 0)
                {
                    text.Append("{}");
                    break;
                }
                text.Append("{ ");
                for (var i = 0; i < mapping.Entries.Count; i++)
                {
                    if (i > 0) text.Append(", ");
                    text.Append(Quote(mapping.Entries[i].Key)).Append(": ");
                    Flow(mapping.Entries[i].Value, text);
                }
                text.Append(" }");
                break;
        }
    }

    /// <summary>A string as written, or JSON-quoted when flow YAML would misread it (empty, separators, quotes, a typed scalar such as <c>true</c>).</summary>
    private static string Quote(string? value)
    {
        if (value is null) return "~";
        var plain = value.Length > 0
            && !char.IsWhiteSpace(value[0]) && !char.IsWhiteSpace(value[^1])
            && !value.Any(c => char.IsControl(c) || c is ',' or '[' or ']' or '{' or '}' or '"' or '\'' or '#' or '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`')
            && !value.Contains(": ", StringComparison.Ordinal)
            && !value.EndsWith(':')
            && ScalarTypes.Resolve(value) == ScalarType.String;
        return plain ? value : "\"" + System.Text.Json.JsonEncodedText.Encode(value, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";
    }
}

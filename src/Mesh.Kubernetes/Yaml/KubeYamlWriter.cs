using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Mesh.Kubernetes;

/// <summary>
/// Writes resources as a <c>---</c>-separated block-style YAML stream, what <c>kubectl apply</c> takes: the documents
/// KubernetesClient's <c>KubernetesYaml</c> writes (same wire names, nulls left out). The members of each object, their wire
/// names and order come from source-generated JSON metadata (a <see cref="ResourceCatalog"/>'s
/// <see cref="ResourceCatalog.JsonOptions"/>), not from runtime reflection, so a trimmed or native AOT application writes
/// every field; an object whose type the metadata does not know is an error, never an empty mapping. Strings are written
/// plain only when no YAML 1.1 or 1.2 reader could take them for anything else (numbers, booleans, null, timestamps,
/// indicators); otherwise double-quoted.
/// </summary>
public static class KubeYamlWriter
{
    /// <summary>Writes <paramref name="resources"/> with the members <paramref name="options"/> describe.</summary>
    /// <param name="resources">The resources; nulls are skipped.</param>
    /// <param name="options">JSON options whose type metadata covers every object written (e.g. <see cref="ResourceCatalog.JsonOptions"/>).</param>
    /// <returns>The YAML stream.</returns>
    /// <exception cref="InvalidOperationException">An object's type has no metadata in <paramref name="options"/>.</exception>
    public static string Write(IEnumerable<object> resources, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(options);
        var builder = new StringBuilder(4096);
        var first = true;
        foreach (var resource in resources)
        {
            if (resource is null) continue;
            if (!first) builder.Append("---\n");
            first = false;
            WriteMapping(builder, resource, 0, null, options);
        }
        return builder.ToString();
    }

    private static JsonTypeInfo TypeInfo(Type type, JsonSerializerOptions options) =>
        options.TryGetTypeInfo(type, out var info)
            ? info
            : throw new InvalidOperationException($"{type} has no JSON metadata in the options given: add it to the provider's JsonSerializerContext. Without it a trimmed or native AOT application would write it empty.");

    /// <summary>
    /// The written members of an object type in the order <c>KubernetesYaml</c> writes them: by <c>[JsonPropertyOrder]</c>, then
    /// base-class members first (<c>apiVersion</c>, <c>kind</c> before <c>metadata</c>, <c>spec</c>), then declaration order.
    /// </summary>
    private static JsonPropertyInfo[] Members(JsonTypeInfo info) => MemberCache.GetValue(info, static info =>
    {
        var depth = new Dictionary<Type, int>();
        var level = 0;
        for (var t = info.Type; t is not null; t = t.BaseType) depth[t] = level++;
        return [.. info.Properties
            .Where(p => p.Get is not null)
            .Select((p, index) => (Property: p, Index: index))
            .OrderBy(x => x.Property.Order)
            .ThenByDescending(x => depth.GetValueOrDefault(x.Property.DeclaringType))
            .ThenBy(x => x.Index)
            .Select(x => x.Property)];
    });

    // Keyed by the metadata object, so entries go with the options that own them.
    private static readonly ConditionalWeakTable<JsonTypeInfo, JsonPropertyInfo[]> MemberCache = new();

    /// <summary>A JSON value an <c>object</c> member holds once read, as the maps, lists and scalars the writer writes.</summary>
    private static object? Plain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(Plain).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var integer) ? integer : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static bool IsScalar(object value) => value is string or bool or int or uint or long or ulong or short or ushort or byte or double or float or decimal or DateTime or DateTimeOffset or Enum;

    private static bool IsEmpty(object value) => value switch
    {
        ICollection c => c.Count == 0,
        _ => false,
    };

    private static void Indent(StringBuilder builder, int indent) => builder.Append(' ', indent);

    private static void WriteMapping(StringBuilder builder, object value, int indent, string? firstPrefix, JsonSerializerOptions options)
    {
        var written = 0;
        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                if (entry.Value is null) continue;
                WriteEntry(builder, Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty, entry.Value, indent, written++ == 0 ? firstPrefix : null, options);
            }
        }
        else
        {
            var info = TypeInfo(value.GetType(), options);
            if (info.Kind != JsonTypeInfoKind.Object)
            {
                throw new InvalidOperationException($"{value.GetType()} is not written as a mapping by its JSON metadata ({info.Kind}); the YAML writer cannot write it.");
            }
            foreach (var property in Members(info))
            {
                if (property.Get?.Invoke(value) is not { } memberValue) continue;
                WriteEntry(builder, property.Name, memberValue, indent, written++ == 0 ? firstPrefix : null, options);
            }
        }
        if (written == 0)
        {
            if (firstPrefix is not null) builder.Append(firstPrefix);
            else Indent(builder, indent);
            builder.Append("{}\n");
        }
    }

    private static void WriteEntry(StringBuilder builder, string key, object value, int indent, string? prefix, JsonSerializerOptions options)
    {
        if (prefix is not null) builder.Append(prefix);
        else Indent(builder, indent);
        Scalar(builder, key);
        builder.Append(':');
        if (value is JsonElement element)
        {
            // A JSON value an `object` member holds once read.
            if (Plain(element) is not { } plain)
            {
                builder.Append(" null\n");
                return;
            }
            value = plain;
        }
        if (IsScalar(value))
        {
            builder.Append(' ');
            Scalar(builder, value);
            builder.Append('\n');
        }
        else if (IsEmpty(value))
        {
            builder.Append(value is IDictionary ? " {}\n" : " []\n");
        }
        else if (value is IEnumerable sequence and not IDictionary)
        {
            builder.Append('\n');
            WriteSequence(builder, sequence, indent, options);
        }
        else if (value is not IDictionary && !HasMembers(value, options))
        {
            // An object whose every member is unset (Istio's `maglev: {}`): on the key's line, as an empty map.
            builder.Append(" {}\n");
        }
        else
        {
            builder.Append('\n');
            WriteMapping(builder, value, indent + 2, null, options);
        }
    }

    private static bool HasMembers(object value, JsonSerializerOptions options)
    {
        var info = TypeInfo(value.GetType(), options);
        if (info.Kind != JsonTypeInfoKind.Object) return true;
        foreach (var property in Members(info))
        {
            if (property.Get?.Invoke(value) is not null) return true;
        }
        return false;
    }

    private static void WriteSequence(StringBuilder builder, IEnumerable sequence, int indent, JsonSerializerOptions options)
    {
        foreach (var raw in sequence)
        {
            var item = raw is JsonElement element ? Plain(element) : raw;
            if (item is null)
            {
                Indent(builder, indent);
                builder.Append("- null\n");
            }
            else if (IsScalar(item))
            {
                Indent(builder, indent);
                builder.Append("- ");
                Scalar(builder, item);
                builder.Append('\n');
            }
            else if (IsEmpty(item))
            {
                Indent(builder, indent);
                builder.Append(item is IDictionary ? "- {}\n" : "- []\n");
            }
            else if (item is IEnumerable inner and not IDictionary)
            {
                Indent(builder, indent);
                builder.Append("-\n");
                WriteSequence(builder, inner, indent + 2, options);
            }
            else
            {
                WriteMapping(builder, item, indent + 2, new string(' ', indent) + "- ", options);
            }
        }
    }

    private static void Scalar(StringBuilder builder, object value)
    {
        switch (value)
        {
            case string s:
                if (IsPlainSafe(s)) builder.Append(s);
                else Quoted(builder, s);
                break;
            case bool b:
                builder.Append(b ? "true" : "false");
                break;
            case double d:
                builder.Append(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case float f:
                builder.Append(f.ToString("R", CultureInfo.InvariantCulture));
                break;
            case DateTime t:
                builder.Append(t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset t:
                builder.Append(t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                break;
            case IFormattable formattable:
                builder.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                Quoted(builder, value.ToString() ?? string.Empty);
                break;
        }
    }

    /// <summary>
    /// Plain only for <c>[A-Za-z0-9_/][A-Za-z0-9_./-]*</c> that is not a number (any YAML 1.1/1.2 form), a boolean or
    /// null word of either version, or a timestamp.
    /// </summary>
    public static bool IsPlainSafe(string s)
    {
        if (s.Length == 0) return false;
        var c0 = s[0];
        if (!(char.IsAsciiLetterOrDigit(c0) || c0 is '_' or '/')) return false;
        var digitsOrSigns = true;
        foreach (var c in s)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '/' or '-')) return false;
            if (!(char.IsAsciiDigit(c) || c is '_' or '.' or '-' or '+' or 'e' or 'E')) digitsOrSigns = false;
        }
        if (digitsOrSigns && char.IsAsciiDigit(c0)) return false;
        if (c0 == '0' && s.Length > 1 && s[1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B') return false;
        switch (s.ToLowerInvariant())
        {
            case "true" or "false" or "yes" or "no" or "on" or "off" or "y" or "n" or "null":
                return false;
        }
        return true;
    }

    private static void Quoted(StringBuilder builder, string s)
    {
        builder.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                    {
                        builder.Append(c).Append(s[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        // A lone surrogate is not text and cannot be written as UTF-8: the replacement character stands in.
                        builder.Append("\\ufffd");
                    }
                    else if (char.IsControl(c) || c is '\u0085' or '\u2028' or '\u2029' or '\uFEFF')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        builder.Append('"');
    }
}

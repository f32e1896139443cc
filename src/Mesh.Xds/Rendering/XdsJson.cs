using System.Globalization;
using System.Text;
using System.Text.Json;
using Mesh.Xds.EnvoyApi;
using Mesh.Xds.Rendering;

namespace Mesh.Xds;

/// <summary>
/// Renders xDS responses as readable JSON (proto3 JSON field names, <c>Any</c> shown with <c>@type</c> and its
/// decoded content, durations as <c>"1.5s"</c>, wrappers as plain values, enums by name). Decoding uses the
/// encoder's own small wire reader; malformed input is rendered as far as it parses and never throws.
/// </summary>
public static class XdsJson
{
    private const string DiscoveryResponse = "envoy.service.discovery.v3.DiscoveryResponse";

    /// <summary>Renders the four discovery responses of a snapshot as one JSON object keyed lds, rds, cds, eds.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>Indented JSON.</returns>
    public static string Render(XdsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            foreach (var (key, type) in new[] { ("lds", XdsResourceType.Listener), ("rds", XdsResourceType.RouteConfiguration), ("cds", XdsResourceType.Cluster), ("eds", XdsResourceType.ClusterLoadAssignment) })
            {
                json.WritePropertyName(key);
                Message(json, snapshot.ToDiscoveryResponse(type), DiscoveryResponse);
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Renders one serialized <c>DiscoveryResponse</c>.</summary>
    /// <param name="response">The serialized response.</param>
    /// <returns>Indented JSON.</returns>
    public static string RenderDiscoveryResponse(ReadOnlySpan<byte> response)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            Message(json, response, DiscoveryResponse);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Message(Utf8JsonWriter json, ReadOnlySpan<byte> data, string type, string? anyType = null)
    {
        json.WriteStartObject();
        if (anyType is not null) json.WriteString("@type", anyType);
        if (!XdsSchema.Messages.TryGetValue(type, out var fields))
        {
            json.WriteString("@bytes", Convert.ToBase64String(data));
            json.WriteEndObject();
            return;
        }
        // Group occurrences by field, in schema order, so repeated fields become arrays.
        var occurrences = new List<(int Field, int Wire, int Start, int Length, ulong Scalar)>();
        var reader = new WireReader(data);
        while (reader.Next(out var field, out var wire))
        {
            switch (wire)
            {
                case 0 when reader.Varint(out var v):
                    occurrences.Add((field, 0, 0, 0, v));
                    break;
                case 1 when reader.Fixed64(out var f):
                    occurrences.Add((field, 1, 0, 0, f));
                    break;
                case 2 when reader.LengthDelimited(out var bytes):
                    var start = reader.Position - bytes.Length;
                    occurrences.Add((field, 2, start, bytes.Length, 0));
                    break;
                default:
                    if (!reader.Skip(wire)) goto done;
                    break;
            }
        }
    done:
        foreach (var spec in fields)
        {
            var matches = occurrences.Where(o => o.Field == spec.Number).ToList();
            if (matches.Count == 0) continue;
            json.WritePropertyName(spec.Name);
            if (spec.Kind == FieldKind.PackedUInt32)
            {
                json.WriteStartArray();
                foreach (var m in matches)
                {
                    var packed = new WireReader(data.Slice(m.Start, m.Length));
                    while (!packed.End && packed.Varint(out var v)) json.WriteNumberValue(v);
                }
                json.WriteEndArray();
                continue;
            }
            if (spec.Repeated) json.WriteStartArray();
            foreach (var m in spec.Repeated ? matches : matches.TakeLast(1))
            {
                Value(json, spec, m.Wire == 2 ? data.Slice(m.Start, m.Length) : default, m.Scalar);
            }
            if (spec.Repeated) json.WriteEndArray();
        }
        foreach (var unknown in occurrences.Where(o => !fields.Any(f => f.Number == o.Field)))
        {
            json.WriteString("#" + unknown.Field.ToString(CultureInfo.InvariantCulture), unknown.Wire == 2 ? Convert.ToBase64String(data.Slice(unknown.Start, unknown.Length)) : unknown.Scalar.ToString(CultureInfo.InvariantCulture));
        }
        json.WriteEndObject();
    }

    private static void Value(Utf8JsonWriter json, FieldSpec spec, ReadOnlySpan<byte> bytes, ulong scalar)
    {
        switch (spec.Kind)
        {
            case FieldKind.String:
                json.WriteStringValue(Encoding.UTF8.GetString(bytes));
                break;
            case FieldKind.Varint:
                json.WriteNumberValue(scalar);
                break;
            case FieldKind.Bool:
                json.WriteBooleanValue(scalar != 0);
                break;
            case FieldKind.Double:
                json.WriteNumberValue(BitConverter.UInt64BitsToDouble(scalar));
                break;
            case FieldKind.Enum:
                var names = XdsSchema.Enums.GetValueOrDefault(spec.Type!);
                if (names is not null && scalar < (ulong)names.Length) json.WriteStringValue(names[scalar]);
                else json.WriteNumberValue(scalar);
                break;
            case FieldKind.Message:
                Message(json, bytes, spec.Type!);
                break;
            case FieldKind.Any:
                Any(json, bytes);
                break;
            case FieldKind.Duration:
                Duration(json, bytes);
                break;
            case FieldKind.UInt32Value:
            case FieldKind.BoolValue:
                var wrapper = new WireReader(bytes);
                ulong value = 0;
                while (wrapper.Next(out var f, out var w))
                {
                    if (f == WrapperFields.Value && w == 0) wrapper.Varint(out value);
                    else if (!wrapper.Skip(w)) break;
                }
                if (spec.Kind == FieldKind.BoolValue) json.WriteBooleanValue(value != 0);
                else json.WriteNumberValue(value);
                break;
            case FieldKind.Map:
                MapEntry(json, bytes, spec.Type);
                break;
            default:
                json.WriteNullValue();
                break;
        }
    }

    private static void Any(Utf8JsonWriter json, ReadOnlySpan<byte> bytes)
    {
        var reader = new WireReader(bytes);
        string typeUrl = string.Empty;
        ReadOnlySpan<byte> value = default;
        while (reader.Next(out var field, out var wire))
        {
            if (wire == 2 && reader.LengthDelimited(out var content))
            {
                if (field == AnyFields.TypeUrl) typeUrl = Encoding.UTF8.GetString(content);
                else if (field == AnyFields.Value) value = content;
            }
            else if (!reader.Skip(wire))
            {
                break;
            }
        }
        var slash = typeUrl.LastIndexOf('/');
        Message(json, value, slash >= 0 ? typeUrl[(slash + 1)..] : typeUrl, typeUrl);
    }

    private static void MapEntry(Utf8JsonWriter json, ReadOnlySpan<byte> bytes, string? valueType)
    {
        var reader = new WireReader(bytes);
        json.WriteStartObject();
        while (reader.Next(out var field, out var wire))
        {
            if (wire == 2 && reader.LengthDelimited(out var content))
            {
                if (field == MapEntryFields.Key)
                {
                    json.WriteString("key", Encoding.UTF8.GetString(content));
                }
                else if (field == MapEntryFields.Value)
                {
                    json.WritePropertyName("value");
                    if (valueType is null) Any(json, content);
                    else Message(json, content, valueType);
                }
            }
            else if (!reader.Skip(wire))
            {
                break;
            }
        }
        json.WriteEndObject();
    }

    private static void Duration(Utf8JsonWriter json, ReadOnlySpan<byte> bytes)
    {
        var reader = new WireReader(bytes);
        ulong seconds = 0, nanos = 0;
        while (reader.Next(out var field, out var wire))
        {
            if (wire == 0 && field == DurationFields.Seconds) reader.Varint(out seconds);
            else if (wire == 0 && field == DurationFields.Nanos) reader.Varint(out nanos);
            else if (!reader.Skip(wire)) break;
        }
        var text = nanos == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{seconds}s")
            : string.Create(CultureInfo.InvariantCulture, $"{seconds}.{nanos:D9}").TrimEnd('0') + "s";
        json.WriteStringValue(text);
    }
}

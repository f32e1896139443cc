using System.Globalization;

namespace Mesh.Serialization;

/// <summary>What a written scalar is, which decides quoting in YAML and the token type in JSON.</summary>
internal enum WriteScalarKind
{
    String,
    Number,
    Boolean,
}

/// <summary>
/// The writer-neutral form of a document: the model is mapped to this tree once, and the YAML and JSON
/// writers only render it, so the two formats cannot drift apart.
/// </summary>
internal abstract class WriteNode;

/// <summary>A scalar with its final text.</summary>
internal sealed class WriteScalar(string text, WriteScalarKind kind) : WriteNode
{
    public string Text { get; } = text;

    public WriteScalarKind Kind { get; } = kind;
}

/// <summary>One entry of a <see cref="WriteMapping"/>.</summary>
internal readonly record struct WriteEntry(string Key, WriteNode Value, bool IsDataKey);

/// <summary>A sequence.</summary>
internal sealed class WriteSequence : WriteNode
{
    public List<WriteNode> Items { get; } = [];
}

/// <summary>A mapping, in insertion order; the adders skip absent values so optional fields stay out.</summary>
internal sealed class WriteMapping : WriteNode
{
    public List<WriteEntry> Entries { get; } = [];

    /// <summary>Adds a model property (its key is a fixed camelCase name, written plain).</summary>
    public WriteMapping Add(string key, WriteNode? value)
    {
        if (value is not null) Entries.Add(new(key, value, IsDataKey: false));
        return this;
    }

    /// <summary>Adds an entry whose key is data (a subset, label or header name), quoted in YAML when it would not read back as a string.</summary>
    public WriteMapping AddData(string key, WriteNode value)
    {
        Entries.Add(new(key, value, IsDataKey: true));
        return this;
    }

    public WriteMapping String(string key, string? value) => value is null ? this : Add(key, new WriteScalar(value, WriteScalarKind.String));

    public WriteMapping Int(string key, int? value) =>
        value is null ? this : Add(key, new WriteScalar(value.Value.ToString(CultureInfo.InvariantCulture), WriteScalarKind.Number));

    public WriteMapping Size(string key, ulong? value) =>
        value is null ? this : Add(key, new WriteScalar(value.Value.ToString(CultureInfo.InvariantCulture), WriteScalarKind.Number));

    public WriteMapping Decimal(string key, decimal? value) =>
        value is null ? this : Add(key, new WriteScalar(FormatDecimal(value.Value), WriteScalarKind.Number));

    public WriteMapping Bool(string key, bool? value) =>
        value is null ? this : Add(key, new WriteScalar(value.Value ? "true" : "false", WriteScalarKind.Boolean));

    public WriteMapping Duration(string key, TimeSpan? value) => value is null ? this : String(key, MeshDuration.Format(value.Value));

    /// <summary>Adds a nested mapping unless it is null or has no entries.</summary>
    public WriteMapping Mapping(string key, WriteMapping? value) => value is null || value.Entries.Count == 0 ? this : Add(key, value);

    /// <summary>Adds a sequence of the items, unless there are none.</summary>
    public WriteMapping Sequence<T>(string key, IReadOnlyCollection<T> items, Func<T, WriteNode> item)
    {
        if (items.Count == 0) return this;
        var sequence = new WriteSequence();
        foreach (var value in items) sequence.Items.Add(item(value));
        return Add(key, sequence);
    }

    /// <summary>Adds a mapping of string values, unless it is empty.</summary>
    public WriteMapping StringMap(string key, IEnumerable<KeyValuePair<string, string>> entries) => Mapping(key, Strings(entries));

    public static WriteMapping Strings(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var map = new WriteMapping();
        foreach (var (k, v) in entries) map.AddData(k, Text(v));
        return map;
    }

    public static WriteScalar Text(string value) => new(value, WriteScalarKind.String);

    public static WriteScalar Number(int value) => new(value.ToString(CultureInfo.InvariantCulture), WriteScalarKind.Number);

    /// <summary>Invariant, never an exponent, trailing zeros kept as the value's scale (10.50 stays 10.50).</summary>
    public static string FormatDecimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}

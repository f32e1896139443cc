using Mesh.Collections;
using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Serialization;

/// <summary>
/// A mapping node whose keys are model property names. Keys are taken one by one; <see cref="Finish"/>
/// reports every key nobody took as unknown, so nothing in the document is silently ignored.
/// </summary>
internal sealed class MapView
{
    private readonly ReadContext _context;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private readonly List<string> _known = [];

    public MapView(ReadContext context, YamlNode node, string path)
    {
        _context = context;
        Node = node;
        Path = path;
        for (var i = 0; i + 1 < node.Children.Count; i += 2)
        {
            var key = node.Children[i];
            if (key.Kind != YamlNodeKind.Scalar)
            {
                context.Error(DiagnosticCodes.WrongType, path, key, $"Expected a key name, found {key.Describe()}.");
                continue;
            }
            if (!_entries.TryAdd(key.Value, (key, node.Children[i + 1])))
            {
                context.Error(DiagnosticCodes.DuplicateKey, path + "." + key.Value, key, $"The key '{key.Value}' appears more than once.");
                continue;
            }
            _order.Add(key.Value);
        }
    }

    public YamlNode Node { get; }

    public string Path { get; }

    public ReadContext Context => _context;

    public string PathOf(string key) => Path + "." + key;

    /// <summary>Whether the key is present with a non-null value (does not take it).</summary>
    public bool Has(string key) => _entries.TryGetValue(key, out var entry) && !entry.Value.IsNull;

    /// <summary>Takes a key: its value node, or null when absent or null.</summary>
    public YamlNode? Take(string key)
    {
        _known.Add(key);
        _taken.Add(key);
        if (!_entries.TryGetValue(key, out var entry) || entry.Value.IsNull) return null;
        _context.Visit(PathOf(key), entry.Value);
        return entry.Value;
    }

    /// <summary>Takes a key that must be present; reports it missing otherwise.</summary>
    public YamlNode? Require(string key)
    {
        var node = Take(key);
        if (node is null) _context.Error(DiagnosticCodes.MissingRequired, PathOf(key), Node, $"'{key}' is required.");
        return node;
    }

    public string RequiredString(string key) => Require(key) is { } node ? _context.String(node, PathOf(key)) : string.Empty;

    public string? String(string key) => Take(key) is { } node ? _context.String(node, PathOf(key)) : null;

    public int RequiredInt(string key) => Require(key) is { } node ? _context.Int(node, PathOf(key)) : 0;

    public int? Int(string key) => Take(key) is { } node ? _context.Int(node, PathOf(key)) : null;

    public decimal? Decimal(string key) => Take(key) is { } node ? _context.Decimal(node, PathOf(key)) : null;

    /// <summary>A non-negative whole number that may exceed <see cref="int.MaxValue"/> (a table or ring size).</summary>
    public ulong? Size(string key) => Take(key) is { } node ? _context.Size(node, PathOf(key)) : null;

    public bool? Bool(string key) => Take(key) is { } node ? _context.Bool(node, PathOf(key)) : null;

    public TimeSpan RequiredDuration(string key) => Require(key) is { } node ? _context.Duration(node, PathOf(key)) : TimeSpan.Zero;

    public TimeSpan? Duration(string key) => Take(key) is { } node ? _context.Duration(node, PathOf(key)) : null;

    public ServiceRef RequiredService(string key) => Require(key) is { } node ? _context.Service(node, PathOf(key)) : default;

    public TEnum RequiredEnum<TEnum>(string key) where TEnum : struct, Enum => Require(key) is { } node ? _context.Enum<TEnum>(node, PathOf(key)) : default;

    public TEnum? Enum<TEnum>(string key) where TEnum : struct, Enum => Take(key) is { } node ? _context.Enum<TEnum>(node, PathOf(key)) : null;

    public EquatableArray<T> List<T>(string key, Func<YamlNode, string, T> item) => Take(key) is { } node ? _context.List(node, PathOf(key), item) : default;

    public EquatableMap<string> StringMap(string key) => Take(key) is { } node ? _context.StringMap(node, PathOf(key)) : default;

    public T? Object<T>(string key, Func<MapView, T> read) where T : class =>
        Take(key) is { } node && _context.Map(node, PathOf(key)) is { } map ? Finished(map, read) : null;

    public T RequiredObject<T>(string key, Func<MapView, T> read, T placeholder) where T : class =>
        Require(key) is { } node && _context.Map(node, PathOf(key)) is { } map ? Finished(map, read) : placeholder;

    /// <summary>
    /// Takes the keys of a one-of choice and returns the one present. Two or more present is
    /// <see cref="DiagnosticCodes.ConflictingForms"/>; none is <see cref="DiagnosticCodes.MissingRequired"/> when required.
    /// </summary>
    public string? OneOf(string what, bool required, params string[] forms)
    {
        string? chosen = null;
        var present = new List<string>();
        foreach (var form in forms)
        {
            _known.Add(form);
            _taken.Add(form);
            if (Has(form)) present.Add(form);
        }
        if (present.Count > 1)
        {
            var second = _entries[present[1]].Key;
            _context.Error(DiagnosticCodes.ConflictingForms, PathOf(present[1]), second,
                $"{what} takes exactly one of {string.Join(", ", forms)}; found {string.Join(" and ", present)}.");
        }
        else if (present.Count == 1)
        {
            chosen = present[0];
        }
        else if (required)
        {
            _context.Error(DiagnosticCodes.MissingRequired, Path, Node, $"{what} needs one of {string.Join(", ", forms)}.");
        }
        return chosen;
    }

    /// <summary>Reports every key that was not taken as unknown.</summary>
    public void Finish()
    {
        foreach (var key in _order)
        {
            if (_taken.Contains(key)) continue;
            var expected = _known.Distinct(StringComparer.Ordinal).ToList();
            var hint = expected.Count == 0 ? "no keys are expected here" : "expected " + string.Join(", ", expected);
            _context.Error(DiagnosticCodes.UnknownKey, PathOf(key), _entries[key].Key, $"Unknown key '{key}': {hint}.");
        }
    }

    public static T Finished<T>(MapView map, Func<MapView, T> read)
    {
        var value = read(map);
        map.Finish();
        return value;
    }
}

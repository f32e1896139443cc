using System.Globalization;
using System.Text.RegularExpressions;
using Mesh.Collections;
using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Serialization;

/// <summary>
/// Collects diagnostics and the source map while nodes are mapped to the model, and converts scalars
/// to typed values. A converter that fails reports why and returns a placeholder: the model is dropped
/// when any error was reported, so placeholders never escape.
/// </summary>
internal sealed partial class ReadContext(string? sourceName, MeshReaderOptions options)
{
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Dictionary<string, SourceLocation> _locations = new(StringComparer.Ordinal);

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public bool HasErrors => _diagnostics.Count > 0;

    public SourceMap BuildSourceMap() => _locations.Count == 0 ? SourceMap.Empty : new SourceMap(_locations);

    public void Error(DiagnosticCode code, string path, int line, int column, string message)
    {
        if (_diagnostics.Count >= options.MaxDiagnostics) return;
        _diagnostics.Add(Diagnostic.Error(code, path, message) with { Location = new SourceLocation(sourceName, line, column) });
        if (_diagnostics.Count == options.MaxDiagnostics)
        {
            _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LimitExceeded, path, $"More than {options.MaxDiagnostics} problems; the rest are not reported (MaxDiagnostics).")
                with { Location = new SourceLocation(sourceName, line, column) });
        }
    }

    public void Error(DiagnosticCode code, string path, YamlNode node, string message) => Error(code, path, node.Line, node.Column, message);

    public void Visit(string path, YamlNode node) => _locations.TryAdd(path, new SourceLocation(sourceName, node.Line, node.Column));

    /// <summary>The path of a mapping key that is data (a subset or label name): dotted when it is a plain word, bracketed otherwise.</summary>
    public static string KeyPath(string path, string key) =>
        WordPattern().IsMatch(key) ? path + "." + key : path + "['" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";

    public static string ItemPath(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    public MapView? Map(YamlNode node, string path)
    {
        if (node.Kind == YamlNodeKind.Mapping) return new MapView(this, node, path);
        Error(DiagnosticCodes.WrongType, path, node, $"Expected a mapping, found {node.Describe()}.");
        return null;
    }

    public string String(YamlNode node, string path)
    {
        if (node.Kind == YamlNodeKind.Scalar && node.ScalarType == ScalarType.String) return node.Value;
        var hint = node.Kind == YamlNodeKind.Scalar && node.ScalarType != ScalarType.Null ? $"; quote it (\"{node.Value}\") to make it a string" : string.Empty;
        Error(DiagnosticCodes.WrongType, path, node, $"Expected a string, found {node.Describe()}{hint}.");
        return string.Empty;
    }

    public int Int(YamlNode node, string path)
    {
        if (node.Kind == YamlNodeKind.Scalar && node.ScalarType == ScalarType.Int)
        {
            if (int.TryParse(node.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
            Error(DiagnosticCodes.InvalidFormat, path, node, $"'{node.Value}' is not a decimal integer between {int.MinValue} and {int.MaxValue}.");
            return 0;
        }
        Error(DiagnosticCodes.WrongType, path, node, $"Expected an integer, found {node.Describe()}.");
        return 0;
    }

    public ulong Size(YamlNode node, string path)
    {
        if (node.Kind == YamlNodeKind.Scalar && node.ScalarType == ScalarType.Int)
        {
            if (ulong.TryParse(node.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
            Error(DiagnosticCodes.InvalidFormat, path, node, $"'{node.Value}' is not a whole number between 0 and {ulong.MaxValue}.");
            return 0;
        }
        Error(DiagnosticCodes.WrongType, path, node, $"Expected an integer, found {node.Describe()}.");
        return 0;
    }

    public decimal Decimal(YamlNode node, string path)
    {
        if (node.Kind == YamlNodeKind.Scalar && node.ScalarType is ScalarType.Int or ScalarType.Float)
        {
            if (decimal.TryParse(node.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
            Error(DiagnosticCodes.InvalidFormat, path, node, $"'{node.Value}' is not a decimal number in range.");
            return 0m;
        }
        Error(DiagnosticCodes.WrongType, path, node, $"Expected a number, found {node.Describe()}.");
        return 0m;
    }

    public bool Bool(YamlNode node, string path)
    {
        if (node.Kind == YamlNodeKind.Scalar && node.ScalarType == ScalarType.Bool) return node.Value is "true" or "True" or "TRUE";
        Error(DiagnosticCodes.WrongType, path, node, $"Expected true or false, found {node.Describe()}.");
        return false;
    }

    /// <summary>A marker that must be <c>true</c> (<c>present: true</c>, <c>mesh: true</c>, <c>sourceIp: true</c>).</summary>
    public void True(YamlNode node, string path)
    {
        if (node.Kind == YamlNodeKind.Scalar && node.ScalarType == ScalarType.Bool)
        {
            if (!Bool(node, path)) Error(DiagnosticCodes.InvalidFormat, path, node, "This form is chosen by writing true; false is not allowed (leave the key out).");
            return;
        }
        Bool(node, path);
    }

    public TimeSpan Duration(YamlNode node, string path)
    {
        var text = String(node, path);
        if (node.Kind != YamlNodeKind.Scalar || node.ScalarType != ScalarType.String) return TimeSpan.Zero;
        if (MeshDuration.TryParse(text, out var value)) return value;
        Error(DiagnosticCodes.InvalidFormat, path, node,
            $"'{text}' is not a duration: write a whole number of milliseconds or more with units h, m, s, ms (500ms, 2s, 1m30s, 1.5s).");
        return TimeSpan.Zero;
    }

    public ServiceRef Service(YamlNode node, string path)
    {
        var text = String(node, path);
        if (node.Kind != YamlNodeKind.Scalar || node.ScalarType != ScalarType.String) return default;
        if (ServiceRef.TryParse(text, out var value)) return value;
        Error(DiagnosticCodes.InvalidFormat, path, node, $"'{text}' is not a service reference: write name.namespace (reviews.bookinfo).");
        return default;
    }

    public ServiceAccountRef ServiceAccount(YamlNode node, string path)
    {
        var text = String(node, path);
        if (node.Kind != YamlNodeKind.Scalar || node.ScalarType != ScalarType.String) return default;
        if (ServiceAccountRef.TryParse(text, out var value)) return value;
        Error(DiagnosticCodes.InvalidFormat, path, node, $"'{text}' is not a service account reference: write namespace/name (bookinfo/bookinfo-reviews).");
        return default;
    }

    public AccessConditionKey ConditionKey(YamlNode node, string path)
    {
        var text = String(node, path);
        if (node.Kind != YamlNodeKind.Scalar || node.ScalarType != ScalarType.String) return default;
        if (AccessConditionKey.TryParse(text, out var value)) return value;
        Error(DiagnosticCodes.InvalidFormat, path, node, $"'{text}' is not a condition key: write source.ip, remote.ip, source.namespace, source.principal, request.headers[NAME], request.auth.principal, request.auth.audiences, request.auth.presenter, request.auth.claims[NAME], destination.ip, destination.port or connection.sni.");
        return default;
    }

    /// <summary>A scalar written as a string or an integer (a condition value such as a port), as text.</summary>
    public string Text(YamlNode node, string path)
    {
        if (node.Kind == YamlNodeKind.Scalar && node.ScalarType == ScalarType.Int) return node.Value;
        return String(node, path);
    }

    public TEnum Enum<TEnum>(YamlNode node, string path) where TEnum : struct, Enum
    {
        if (node.Kind == YamlNodeKind.Scalar && node.ScalarType is ScalarType.String or ScalarType.Int)
        {
            if (WireNames.TryParse<TEnum>(node.Value, out var value)) return value;
            Error(DiagnosticCodes.UnknownEnumValue, path, node,
                $"'{node.Value}' is not a known {typeof(TEnum).Name}; expected one of: {string.Join(", ", WireNames.All<TEnum>())}.");
            return default;
        }
        Error(DiagnosticCodes.WrongType, path, node, $"Expected one of {string.Join(", ", WireNames.All<TEnum>())}, found {node.Describe()}.");
        return default;
    }

    public EquatableArray<T> List<T>(YamlNode node, string path, Func<YamlNode, string, T> item)
    {
        if (node.Kind != YamlNodeKind.Sequence)
        {
            Error(DiagnosticCodes.WrongType, path, node, $"Expected a sequence, found {node.Describe()}.");
            return default;
        }
        var items = new T[node.Children.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var itemPath = ItemPath(path, i);
            Visit(itemPath, node.Children[i]);
            items[i] = item(node.Children[i], itemPath);
        }
        return items;
    }

    /// <summary>A mapping whose keys are data (labels, header names) and whose values are strings.</summary>
    public EquatableMap<string> StringMap(YamlNode node, string path)
    {
        var entries = new List<KeyValuePair<string, string>>();
        foreach (var (key, valueNode, valuePath) in Entries(node, path))
        {
            entries.Add(new(key, String(valueNode, valuePath)));
        }
        return new EquatableMap<string>(entries);
    }

    /// <summary>The entries of a mapping whose keys are data, in document order, with duplicate and non-string keys reported.</summary>
    public List<(string Key, YamlNode Value, string Path)> Entries(YamlNode node, string path)
    {
        var result = new List<(string, YamlNode, string)>();
        if (node.Kind != YamlNodeKind.Mapping)
        {
            Error(DiagnosticCodes.WrongType, path, node, $"Expected a mapping, found {node.Describe()}.");
            return result;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < node.Children.Count; i += 2)
        {
            var keyNode = node.Children[i];
            if (keyNode.Kind != YamlNodeKind.Scalar)
            {
                Error(DiagnosticCodes.WrongType, path, keyNode, $"Expected a string key, found {keyNode.Describe()}.");
                continue;
            }
            var key = keyNode.Value;
            var valuePath = KeyPath(path, key);
            if (!seen.Add(key))
            {
                Error(DiagnosticCodes.DuplicateKey, valuePath, keyNode, $"The key '{key}' appears more than once.");
                continue;
            }
            Visit(valuePath, node.Children[i + 1]);
            result.Add((key, node.Children[i + 1], valuePath));
        }
        return result;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}

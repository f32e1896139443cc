using System.Globalization;
using System.Text;
using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Analysis;

/// <summary>
/// The canonical matches of a rule and their text. On top of <see cref="MeshConfig.Normalize"/> (methods upper case,
/// conditions and alternatives de-duplicated and sorted, one unconditional alternative = match everything) two things that
/// never change which requests match are made canonical: header names are lower case (they compare case-insensitively,
/// and meshes such as Istio lower-case them) and a path prefix <c>/</c> is no condition (every path starts with it).
/// </summary>
internal static class CanonicalMatches
{
    /// <summary>The text of the matches of a rule that matches every request or connection.</summary>
    public const string Everything = "*";

    public static (EquatableArray<HttpMatch> Matches, string Text) Of(EquatableArray<HttpMatch> matches)
    {
        var byText = new SortedDictionary<string, HttpMatch>(StringComparer.Ordinal);
        foreach (var match in matches)
        {
            if (match is null) continue;
            var canonical = Canonical(match);
            var text = Text(canonical);
            // One alternative without conditions matches every request: the other alternatives add nothing.
            if (text.Length == 0) return ([], Everything);
            byText.TryAdd(text, canonical);
        }
        return byText.Count == 0 ? ([], Everything) : ([.. byText.Values], string.Join(" | ", byText.Keys));
    }

    private static HttpMatch Canonical(HttpMatch match) => new()
    {
        Path = match.Path is { Kind: PathMatchKind.Prefix, Value: "/" } ? null : match.Path,
        Method = match.Method?.ToUpperInvariant(),
        Headers = Sorted(match.Headers, lowerCaseNames: true),
        QueryParams = Sorted(match.QueryParams, lowerCaseNames: false),
        SourceLabels = match.SourceLabels,
        SourceNamespace = match.SourceNamespace,
        Port = match.Port,
    };

    private static EquatableArray<ValueMatch> Sorted(EquatableArray<ValueMatch> values, bool lowerCaseNames)
    {
        var byText = new SortedDictionary<string, ValueMatch>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (value is null) continue;
            var canonical = lowerCaseNames ? value with { Name = value.Name.ToLowerInvariant() } : value;
            byText.TryAdd(Text(canonical), canonical);
        }
        return [.. byText.Values];
    }

    /// <summary>The conditions of one match, e.g. <c>path prefix /api, method GET, header end-user exact jason</c>; empty for none.</summary>
    private static string Text(HttpMatch match)
    {
        var parts = new List<string>();
        if (match.Path is { } path) parts.Add($"path {Kind(path.Kind)} {Quote(path.Value)}");
        if (match.Method is { } method) parts.Add($"method {Quote(method)}");
        foreach (var header in match.Headers) parts.Add("header " + Text(header));
        foreach (var query in match.QueryParams) parts.Add("query " + Text(query));
        // Conditions on the caller and the port: a rule that keeps them differs from one that drops them.
        foreach (var (key, value) in match.SourceLabels) parts.Add($"source label {Quote(key)} {Quote(value)}");
        if (match.SourceNamespace is { } ns) parts.Add($"source namespace {Quote(ns)}");
        if (match.Port is { } port) parts.Add("port " + port.ToString(CultureInfo.InvariantCulture));
        return string.Join(", ", parts);
    }

    private static string Text(ValueMatch value) => value.Kind switch
    {
        ValueMatchKind.Present => $"{Quote(value.Name)} present",
        ValueMatchKind.Absent => $"{Quote(value.Name)} absent",
        _ => $"{Quote(value.Name)} {Kind(value.Kind)} {Quote(value.Value ?? "")}",
    };

    private static string Kind(PathMatchKind kind) => kind switch
    {
        PathMatchKind.Exact => "exact",
        PathMatchKind.Prefix => "prefix",
        _ => "regex",
    };

    private static string Kind(ValueMatchKind kind) => kind switch
    {
        ValueMatchKind.Exact => "exact",
        ValueMatchKind.Prefix => "prefix",
        _ => "regex",
    };

    /// <summary>
    /// A name or value as written when it cannot be mistaken for a separator, else JSON-quoted: so the text of different
    /// matches is different (parts are separated by <c>, </c>, alternatives by <c> | </c>).
    /// </summary>
    internal static string Quote(string value)
    {
        if (value.Length > 0 && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is ',' or '|' or '"' or '\\')) return value;
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (char.IsControl(c)) text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else text.Append(c);
                    break;
            }
        }
        return text.Append('"').ToString();
    }
}

using Mesh.Model;

namespace Mesh.Analysis.Checks;

/// <summary>An HTTP match in the model's YAML words, for messages: <c>prefix /api, header x-user exact a, method GET</c>.</summary>
internal static class MatchText
{
    public static string Of(HttpMatch match)
    {
        var parts = new List<string>();
        if (match.Path is { } path) parts.Add($"{path.Kind.ToString().ToLowerInvariant()} {path.Value}");
        foreach (var h in match.Headers.Where(h => h is not null)) parts.Add(Value("header", h));
        foreach (var q in match.QueryParams.Where(q => q is not null)) parts.Add(Value("query", q));
        if (match.Method is { } method) parts.Add($"method {method}");
        foreach (var (key, value) in match.SourceLabels) parts.Add($"source label {key}={value}");
        if (match.SourceNamespace is { } ns) parts.Add($"source namespace {ns}");
        if (match.Port is { } port) parts.Add($"port {port}");
        return parts.Count == 0 ? "(every request)" : "(" + string.Join(", ", parts) + ")";
    }

    private static string Value(string what, ValueMatch v) =>
        v.Value is null ? $"{what} {v.Name} {v.Kind.ToString().ToLowerInvariant()}" : $"{what} {v.Name} {v.Kind.ToString().ToLowerInvariant()} {v.Value}";
}

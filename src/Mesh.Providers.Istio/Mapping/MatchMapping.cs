using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// Request matches ↔ <c>HTTPMatchRequest</c>s: path (<c>uri</c>), method, headers (<c>withoutHeaders</c> for absent ones)
/// and query parameters, each value as a <c>StringMatch</c>; presence is written as an empty match or <see cref="AnyValue"/>.
/// The caller's labels and namespace and the destination port map one to one (<c>sourceLabels</c>, <c>sourceNamespace</c>,
/// <c>port</c>).
/// </summary>
internal static class MatchMapping
{
    /// <summary>The regex written for "any value" (header/query presence, any origin).</summary>
    public const string AnyValue = ".*";

    public static HttpMatchRequest ToIstio(HttpMatch match, string rulePath, int index, IstioExportContext ctx)
    {
        // Paths are built only when a diagnostic needs one.
        string At(string list, int i) => $"{rulePath}.matches[{index}].{list}[{i}]";
        var result = new HttpMatchRequest();
        if (match.Path is { } p)
        {
            result.Uri = p.Kind switch
            {
                PathMatchKind.Exact => new StringMatch { Exact = p.Value },
                PathMatchKind.Prefix => new StringMatch { Prefix = p.Value },
                _ => new StringMatch { Regex = p.Value },
            };
        }
        if (match.Method is { } method) result.Method = new StringMatch { Exact = method.ToUpperInvariant() };
        for (var i = 0; i < match.Headers.Count; i++)
        {
            var h = match.Headers[i];
            var name = h.Name.ToLowerInvariant();
            if (h.Kind == ValueMatchKind.Absent)
            {
                Put(result.WithoutHeaders ??= new(StringComparer.Ordinal), name, new StringMatch(), () => At("headers", i), ctx);
            }
            else
            {
                Put(result.Headers ??= new(StringComparer.Ordinal), name, h.Kind == ValueMatchKind.Present ? new StringMatch() : ValueToIstio(h), () => At("headers", i), ctx);
            }
        }
        for (var i = 0; i < match.QueryParams.Count; i++)
        {
            var q = match.QueryParams[i];
            switch (q.Kind)
            {
                case ValueMatchKind.Absent:
                    ctx.Unsupported(At("queryParams", i), $"Istio cannot match the absence of query parameter '{q.Name}'; the condition is not written.");
                    break;
                case ValueMatchKind.Present:
                    Put(result.QueryParams ??= new(StringComparer.Ordinal), q.Name, new StringMatch { Regex = AnyValue }, () => At("queryParams", i), ctx);
                    break;
                default:
                    Put(result.QueryParams ??= new(StringComparer.Ordinal), q.Name, ValueToIstio(q), () => At("queryParams", i), ctx);
                    break;
            }
        }
        if (!match.SourceLabels.IsEmpty) result.SourceLabels = new(match.SourceLabels, StringComparer.Ordinal);
        result.SourceNamespace = match.SourceNamespace;
        result.Port = match.Port;
        return result;
    }

    private static void Put(Dictionary<string, StringMatch> map, string name, StringMatch value, Func<string> path, IstioExportContext ctx)
    {
        if (!map.TryAdd(name, value))
        {
            ctx.Unsupported(path(), $"Istio takes one condition per name; a second condition on '{name}' is not written.");
        }
    }

    private static StringMatch ValueToIstio(ValueMatch m) => m.Kind switch
    {
        ValueMatchKind.Exact => new StringMatch { Exact = m.Value ?? string.Empty },
        ValueMatchKind.Prefix => new StringMatch { Prefix = m.Value ?? string.Empty },
        _ => new StringMatch { Regex = m.Value ?? string.Empty },
    };

    public static HttpMatch ToModel(HttpMatchRequest m, string source, string path, IstioImportContext ctx)
    {
        PathMatch? uri = null;
        if (m.Uri is { } u)
        {
            uri = u switch
            {
                { Exact: { } e } => PathMatch.Exact(e),
                { Prefix: { } p } => PathMatch.Prefix(p),
                { Regex: { } x } => PathMatch.Regex(x),
                _ => null,
            };
            if (uri is null) ctx.NotImported(source, $"{path}.uri", "An empty uri match constrains nothing; it was not imported.");
        }
        string? method = null;
        if (m.Method is { } mm)
        {
            if (mm.Exact is { } exact) method = exact.ToUpperInvariant();
            else ctx.NotImported(source, $"{path}.method", "The model matches methods exactly; a prefix or regex method match was not imported.");
        }
        var headers = new List<ValueMatch>();
        foreach (var (name, value) in m.Headers ?? [])
        {
            headers.Add(value is null || (value.Exact ?? value.Prefix ?? value.Regex) is null ? ValueMatch.Present(name) : ValueToModel(name, value));
        }
        foreach (var (name, value) in m.WithoutHeaders ?? [])
        {
            if (value is null || (value.Exact ?? value.Prefix ?? value.Regex) is null || value.Regex == AnyValue) headers.Add(ValueMatch.Absent(name));
            else ctx.NotImported(source, $"{path}.withoutHeaders{JsonPaths.Segment(name)}", "The model negates header presence only, not a header value; the condition was not imported.");
        }
        var query = new List<ValueMatch>();
        foreach (var (name, value) in m.QueryParams ?? [])
        {
            if (value is null || (value.Exact ?? value.Prefix ?? value.Regex) is null || value.Regex == AnyValue) query.Add(ValueMatch.Present(name));
            else query.Add(ValueToModel(name, value));
        }
        return new HttpMatch
        {
            Path = uri,
            Method = method,
            Headers = [.. headers],
            QueryParams = [.. query],
            SourceLabels = m.SourceLabels is { Count: > 0 } labels ? new(labels.Where(l => l.Value is not null)) : default,
            SourceNamespace = m.SourceNamespace,
            Port = m.Port,
        };
    }

    private static ValueMatch ValueToModel(string name, StringMatch value) => value switch
    {
        { Exact: { } e } => ValueMatch.Exact(name, e),
        { Prefix: { } p } => ValueMatch.Prefix(name, p),
        _ => ValueMatch.Regex(name, value.Regex ?? string.Empty),
    };
}

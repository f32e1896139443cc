using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Resources;
using Mesh.Providers.GatewayApi.Translation;
using HttpMatch = Mesh.Model.HttpMatch;

namespace Mesh.Providers.GatewayApi.Mapping;

/// <summary>
/// A model match ↔ an <c>HTTPRouteMatch</c> (path Exact / PathPrefix / RegularExpression, method, header and query
/// parameter matches Exact or RegularExpression — prefix and presence written as regexes, <see cref="RegexForms"/>) or a
/// <c>GRPCRouteMatch</c>. gRPC calls are HTTP/2 requests to
/// <c>/package.Service/Method</c>: a GRPCRoute method match is an exact path, a service match a prefix.
/// </summary>
internal static class MatchMapping
{
    /// <summary>The methods of the CRD's method enum.</summary>
    public static readonly HashSet<string> Methods = new(StringComparer.Ordinal) { "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH" };

    /// <summary>Model → Gateway API: the HTTPRoute matches of a rule (null when it has none).</summary>
    public static List<HttpRouteMatch>? ToHttpRouteMatches(EquatableArray<HttpMatch> matches, RulePath rulePath, RouteExportContext ctx)
    {
        if (matches.IsEmpty) return null;
        var result = new List<HttpRouteMatch>(matches.Count);
        for (var i = 0; i < matches.Count; i++) result.Add(ToGatewayApi(matches[i], rulePath, i, ctx));
        return result;
    }

    /// <summary>Gateway API matches the request, never the caller: conditions on the calling workload are reported, not written.</summary>
    internal static void SourceConditions(HttpMatch match, RulePath rulePath, int index, RouteExportContext ctx)
    {
        if (!match.SourceLabels.IsEmpty)
        {
            ctx.Unsupported($"{rulePath}.matches[{index}].sourceLabels", "Gateway API matches the request, not the calling workload: the source label condition is not written (the match applies to every caller).");
        }
        if (match.SourceNamespace is { } ns)
        {
            ctx.Unsupported($"{rulePath}.matches[{index}].sourceNamespace", $"Gateway API matches the request, not the calling workload: the condition on source namespace '{ns}' is not written (the match applies to every caller).");
        }
    }

    /// <summary>Match <paramref name="index"/> of a rule; its path (<c>rulePath.matches[index]</c>) is built only for a diagnostic.</summary>
    private static HttpRouteMatch ToGatewayApi(HttpMatch match, RulePath rulePath, int index, RouteExportContext ctx)
    {
        var result = new HttpRouteMatch();
        SourceConditions(match, rulePath, index, ctx);
        if (match.Path is { } p)
        {
            result.Path = new HttpPathMatch
            {
                Type = p.Kind switch { PathMatchKind.Exact => "Exact", PathMatchKind.Prefix => "PathPrefix", _ => "RegularExpression" },
                Value = p.Value,
            };
        }
        if (match.Method is { } method)
        {
            var upper = method.ToUpperInvariant();
            if (Methods.Contains(upper)) result.Method = upper;
            else ctx.Unsupported($"{rulePath}.matches[{index}].method", $"Gateway API matches the methods {string.Join(", ", Methods)}; '{method}' is not written.");
        }
        if (!match.Headers.IsEmpty)
        {
            var headers = new List<HttpHeaderMatch>(match.Headers.Count);
            for (var i = 0; i < match.Headers.Count; i++)
            {
                var h = match.Headers[i];
                if (TryValueType(h, rulePath, index, "headers", i, "header", ctx, out var type, out var value)) headers.Add(new HttpHeaderMatch { Type = type, Name = h.Name, Value = value });
            }
            result.Headers = headers.Count == 0 ? null : headers;
        }
        if (!match.QueryParams.IsEmpty)
        {
            var query = new List<HttpQueryParamMatch>(match.QueryParams.Count);
            for (var i = 0; i < match.QueryParams.Count; i++)
            {
                var q = match.QueryParams[i];
                if (TryValueType(q, rulePath, index, "queryParams", i, "query parameter", ctx, out var type, out var value)) query.Add(new HttpQueryParamMatch { Type = type, Name = q.Name, Value = value });
            }
            result.QueryParams = query.Count == 0 ? null : query;
        }
        return result;
    }

    /// <summary>Model → Gateway API: the GRPCRoute matches of a rule (null when it has none): paths as method matches, and the header matches.</summary>
    public static List<GrpcRouteMatch>? ToGrpcRouteMatches(EquatableArray<HttpMatch> matches, RulePath path, RouteExportContext ctx) =>
        Lists.OrNull(matches.Select((m, k) =>
        {
            SourceConditions(m, path, k, ctx);
            return new GrpcRouteMatch
            {
                Method = m.Path is { } p && TryToGrpcMethod(p, out var method) ? method : null,
                Headers = Lists.OrNull(GrpcHeaders(m, path, k, ctx)),
            };
        }));

    private static IEnumerable<GrpcHeaderMatch> GrpcHeaders(HttpMatch m, RulePath path, int k, RouteExportContext ctx)
    {
        for (var i = 0; i < m.Headers.Count; i++)
        {
            var h = m.Headers[i];
            if (TryValueType(h, path, k, "headers", i, "header", ctx, out var type, out var value)) yield return new GrpcHeaderMatch { Type = type, Name = h.Name, Value = value };
        }
    }

    /// <summary>
    /// Whether a value match is writable, and its wire type and value: Exact (type null, the default) or
    /// <c>RegularExpression</c>; a prefix or presence match is written as its regex (<see cref="RegexForms"/>, approximated:
    /// Gateway API's regex support is implementation-specific).
    /// </summary>
    private static bool TryValueType(ValueMatch m, RulePath rulePath, int match, string list, int index, string what, RouteExportContext ctx, out string? type, out string value)
    {
        string Path() => $"{rulePath}.matches[{match}].{list}[{index}]";
        type = null;
        value = m.Value ?? string.Empty;
        if (m.Kind is ValueMatchKind.Prefix or ValueMatchKind.Present)
        {
            type = "RegularExpression";
            value = m.Kind == ValueMatchKind.Present ? RegexForms.Present : RegexForms.Prefix(value);
            ctx.Approximated(Path(), $"Gateway API {what} matches are Exact or RegularExpression: the {m.Kind.ToString().ToLowerInvariant()} condition on '{m.Name}' is written as the regex '{value}' (regex support is implementation-specific).");
            return true;
        }
        if (m.Kind is not (ValueMatchKind.Exact or ValueMatchKind.Regex))
        {
            ctx.Unsupported(Path(), $"Gateway API {what} matches are Exact or RegularExpression; the {m.Kind.ToString().ToLowerInvariant()} condition on '{m.Name}' is not written.");
            return false;
        }
        if (value.Length == 0)
        {
            ctx.Unsupported(Path(), $"Gateway API {what} match values have at least one character; the empty-value condition on '{m.Name}' is not written.");
            return false;
        }
        if (m.Kind == ValueMatchKind.Regex) type = "RegularExpression";
        return true;
    }

    /// <summary>Model → Gateway API: the GRPCRoute method match of <paramref name="path"/>: exact <c>/S/M</c> → service S, method M; prefix <c>/S/</c> → service S.</summary>
    public static bool TryToGrpcMethod(PathMatch path, out GrpcMethodMatch method)
    {
        method = new GrpcMethodMatch();
        var value = path.Value;
        if (value.Length < 2 || value[0] != '/') return false;
        var slash = value.IndexOf('/', 1);
        if (slash <= 1) return false;
        var service = value[1..slash];
        var rest = value[(slash + 1)..];
        if (!IsName(service, allowDots: true)) return false;
        switch (path.Kind)
        {
            case PathMatchKind.Exact when rest.Length > 0 && IsName(rest, allowDots: false):
                method = new GrpcMethodMatch { Service = service, Method = rest };
                return true;
            case PathMatchKind.Prefix when rest.Length == 0:
                method = new GrpcMethodMatch { Service = service };
                return true;
            default:
                return false;
        }
    }

    private static bool IsName(string text, bool allowDots) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_' || (allowDots && c == '.')) && text[0] != '.' && text[^1] != '.';

    /// <summary>Gateway API → model: an HTTPRoute match at <paramref name="path"/>; what it cannot hold is reported.</summary>
    public static HttpMatch? ToModel(HttpRouteMatch m, string source, string path, ImportContext ctx)
    {
        PathMatch? p = null;
        if (m.Path is { } pm)
        {
            var value = pm.Value ?? "/";
            p = pm.Type switch
            {
                "Exact" => PathMatch.Exact(value),
                null or "PathPrefix" => PathMatch.Prefix(value),
                "RegularExpression" => PathMatch.Regex(value),
                _ => null,
            };
            if (p is null) ctx.Invalid(source, $"{path}.path.type", $"'{pm.Type}' is not a path match type (Exact, PathPrefix, RegularExpression).");
        }
        string? method = null;
        if (m.Method is { } mm)
        {
            if (Methods.Contains(mm)) method = mm;
            else ctx.Invalid(source, $"{path}.method", $"'{mm}' is not a method of the HTTPRoute schema.");
        }
        return new HttpMatch
        {
            Path = p,
            Method = method,
            Headers = Values(m.Headers?.Select(h => (h?.Type, h?.Name, h?.Value)).ToList(), source, $"{path}.headers", ctx),
            QueryParams = Values(m.QueryParams?.Select(h => (h?.Type, h?.Name, h?.Value)).ToList(), source, $"{path}.queryParams", ctx),
        };
    }

    /// <summary>Gateway API → model: a GRPCRoute match at <paramref name="path"/> (its method as a path); what it cannot hold is reported.</summary>
    public static HttpMatch ToModel(GrpcRouteMatch m, string source, string path, ImportContext ctx)
    {
        PathMatch? p = null;
        if (m.Method is { } method)
        {
            if (method.Type is not (null or "Exact" or "RegularExpression")) ctx.Invalid(source, $"{path}.method.type", $"'{method.Type}' is not a method match type (Exact, RegularExpression).");
            else if (GrpcMethodToPath(method) is { } mapped) p = mapped;
            else ctx.NotImported(source, $"{path}.method", "The model matches gRPC calls by path: a service, or a service and method, matched exactly; this method match was not imported.");
        }
        var headers = Values(m.Headers?.Select(h => (h?.Type, h?.Name, h?.Value)).ToList(), source, $"{path}.headers", ctx);
        return new HttpMatch { Path = p, Headers = headers };
    }

    /// <summary>Gateway API → model: the path of a method match, or null when it has neither service nor method, is a regex, or names a method without its service.</summary>
    public static PathMatch? GrpcMethodToPath(GrpcMethodMatch method) => method switch
    {
        { Type: null or "Exact", Service: { Length: > 0 } s, Method: { Length: > 0 } m } => PathMatch.Exact($"/{s}/{m}"),
        { Type: null or "Exact", Service: { Length: > 0 } s, Method: null } => PathMatch.Prefix($"/{s}/"),
        _ => null,
    };

    private static EquatableArray<ValueMatch> Values(List<(string? Type, string? Name, string? Value)>? list, string source, string path, ImportContext ctx)
    {
        if (list is null) return default;
        var result = new List<ValueMatch>();
        for (var i = 0; i < list.Count; i++)
        {
            var (type, name, value) = list[i];
            var at = $"{path}[{i}]";
            if (string.IsNullOrEmpty(name))
            {
                ctx.Invalid(source, $"{at}.name", "A match needs a name.");
                continue;
            }
            switch (type)
            {
                case null or "Exact":
                    result.Add(ValueMatch.Exact(name, value ?? string.Empty));
                    break;
                case "RegularExpression":
                    // The regexes a prefix or presence match is written as are read back as those matches.
                    result.Add(value == RegexForms.Present ? ValueMatch.Present(name)
                        : RegexForms.ParsePrefix(value ?? string.Empty) is { } prefix ? ValueMatch.Prefix(name, prefix)
                        : ValueMatch.Regex(name, value ?? string.Empty));
                    break;
                default:
                    ctx.Invalid(source, $"{at}.type", $"'{type}' is not a match type (Exact, RegularExpression).");
                    break;
            }
        }
        return [.. result];
    }
}

using System.Text;
using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Resources;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>A route's match read into the model: null when the input is invalid; <see cref="Broadened"/> when a condition was dropped.</summary>
internal sealed record MatchResult(HttpMatch Match, bool Broadened);

/// <summary>
/// App Mesh route matches → model matches: paths (<c>prefix</c>, <c>path.exact|regex</c>), headers (exact, prefix, regex; suffix as a
/// regex; present; absent by <c>invert</c>), exact query parameters and methods; gRPC service and method names as paths and metadata
/// as headers. A condition the model cannot say (header range, inverted value, scheme) is dropped and reported, and so is the rule,
/// which now matches more requests.
/// </summary>
internal static partial class MatchMapping
{
    private static readonly HashSet<string> Methods = new(StringComparer.Ordinal) { "CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE" };

    /// <summary>An <c>httpRoute</c>/<c>http2Route</c> match at <paramref name="path"/>.</summary>
    public static MatchResult? ToModel(HttpRouteMatch? match, string source, string path, ImportContext ctx)
    {
        if (match is null)
        {
            ctx.Invalid(source, path, "An HTTP route needs a match.");
            return null;
        }
        var broadened = false;
        PathMatch? pathMatch = null;
        if (match.Prefix is not null && match.Path is not null)
        {
            ctx.Invalid(source, path, "A match takes either prefix or path, not both.");
            return null;
        }
        if (match.Prefix is { } prefix)
        {
            if (!prefix.StartsWith('/'))
            {
                ctx.Invalid(source, path + ".prefix", $"A path prefix starts with '/'; '{prefix}' does not.");
                return null;
            }
            if (prefix != "/") pathMatch = new PathMatch(PathMatchKind.Prefix, prefix);
        }
        else if (match.Path is { } p)
        {
            if ((p.Exact is null) == (p.Regex is null))
            {
                ctx.Invalid(source, path + ".path", "A path match takes exactly one of exact or regex.");
                return null;
            }
            pathMatch = p.Exact is { } exact ? new PathMatch(PathMatchKind.Exact, exact) : new PathMatch(PathMatchKind.Regex, p.Regex!);
        }
        if (match.Method is { } method && !Methods.Contains(method))
        {
            ctx.Invalid(source, path + ".method", $"Unknown method '{method}' (App Mesh takes {string.Join(", ", Methods.Order(StringComparer.Ordinal))}).");
            return null;
        }
        if (match.Scheme is not null)
        {
            ctx.NotImported(source, path + ".scheme", $"The model does not match the scheme; the condition scheme={match.Scheme} was dropped.");
            broadened = true;
        }
        if (Headers(match.Headers, source, path + ".headers", ctx, ref broadened) is not { } headers) return null;
        if (QueryParams(match.QueryParameters, source, path + ".queryParameters", ctx) is not { } query) return null;
        return Result(new HttpMatch { Path = pathMatch, Headers = headers, QueryParams = query, Method = match.Method }, broadened, source, path, ctx);
    }

    /// <summary>A <c>grpcRoute</c> match: <c>/service/method</c> exact, <c>/service/</c> prefix, metadata as headers.</summary>
    public static MatchResult? ToModel(GrpcRouteMatch? match, string source, string path, ImportContext ctx)
    {
        if (match is null)
        {
            ctx.Invalid(source, path, "A gRPC route needs a match.");
            return null;
        }
        PathMatch? pathMatch = null;
        if (match.MethodName is not null && string.IsNullOrEmpty(match.ServiceName))
        {
            ctx.Invalid(source, path + ".methodName", "A gRPC method match needs the serviceName too.");
            return null;
        }
        if (!string.IsNullOrEmpty(match.ServiceName))
        {
            pathMatch = match.MethodName is { Length: > 0 } methodName
                ? new PathMatch(PathMatchKind.Exact, $"/{match.ServiceName}/{methodName}")
                : new PathMatch(PathMatchKind.Prefix, $"/{match.ServiceName}/");
        }
        var broadened = false;
        if (Headers(match.Metadata, source, path + ".metadata", ctx, ref broadened) is not { } headers) return null;
        return Result(new HttpMatch { Path = pathMatch, Headers = headers }, broadened, source, path, ctx);
    }

    private static MatchResult Result(HttpMatch match, bool broadened, string source, string path, ImportContext ctx)
    {
        if (broadened) ctx.NotImported(source, path, "A condition of this match was dropped, so the imported rule matches more requests than the route did.");
        return new MatchResult(match, broadened);
    }

    private static EquatableArray<ValueMatch>? Headers(List<HeaderMatch>? headers, string source, string path, ImportContext ctx, ref bool broadened)
    {
        var result = new List<ValueMatch>();
        for (var i = 0; i < (headers?.Count ?? 0); i++)
        {
            var at = $"{path}[{i}]";
            if (headers![i] is not { } header || string.IsNullOrEmpty(header.Name))
            {
                ctx.Invalid(source, at + ".name", "A header match needs a name.");
                return null;
            }
            var invert = header.Invert ?? false;
            if (header.Match is not { } m)
            {
                result.Add(new ValueMatch(header.Name, invert ? ValueMatchKind.Absent : ValueMatchKind.Present));
                continue;
            }
            var kinds = (m.Exact is null ? 0 : 1) + (m.Prefix is null ? 0 : 1) + (m.Suffix is null ? 0 : 1) + (m.Regex is null ? 0 : 1) + (m.Range is null ? 0 : 1);
            if (kinds != 1)
            {
                ctx.Invalid(source, at + ".match", "A header match takes exactly one of exact, prefix, suffix, regex or range.");
                return null;
            }
            if (invert)
            {
                ctx.NotImported(source, at + ".invert", $"The model cannot match a header that does not have a value; the condition on {header.Name} was dropped.");
                broadened = true;
                continue;
            }
            if (m.Range is { } range)
            {
                ctx.NotImported(source, at + ".match.range", $"The model cannot match a header by numeric range [{range.Start}, {range.End}); the condition on {header.Name} was dropped.");
                broadened = true;
                continue;
            }
            if (m.Suffix is { } suffix)
            {
                ImportNotes.Note(ctx, source, at + ".match.suffix", $"The suffix match on {header.Name} was read as the regex .*{EscapeRegex(suffix)}.");
                result.Add(new ValueMatch(header.Name, ValueMatchKind.Regex, ".*" + EscapeRegex(suffix)));
                continue;
            }
            result.Add(m.Exact is { } exact ? new ValueMatch(header.Name, ValueMatchKind.Exact, exact)
                : m.Prefix is { } prefix ? new ValueMatch(header.Name, ValueMatchKind.Prefix, prefix)
                : new ValueMatch(header.Name, ValueMatchKind.Regex, m.Regex!));
        }
        return result.ToEquatableArray();
    }

    private static EquatableArray<ValueMatch>? QueryParams(List<QueryParameterMatch>? parameters, string source, string path, ImportContext ctx)
    {
        var result = new List<ValueMatch>();
        for (var i = 0; i < (parameters?.Count ?? 0); i++)
        {
            if (parameters![i] is not { } parameter || string.IsNullOrEmpty(parameter.Name))
            {
                ctx.Invalid(source, $"{path}[{i}].name", "A query parameter match needs a name.");
                return null;
            }
            result.Add(parameter.Match?.Exact is { } exact
                ? new ValueMatch(parameter.Name, ValueMatchKind.Exact, exact)
                : new ValueMatch(parameter.Name, ValueMatchKind.Present));
        }
        return result.ToEquatableArray();
    }

    /// <summary>RE2-safe literal: only the regex metacharacters are escaped.</summary>
    public static string EscapeRegex(string literal)
    {
        var sb = new StringBuilder(literal.Length + 8);
        foreach (var c in literal)
        {
            if (@"\.+*?()|[]{}^$".Contains(c, StringComparison.Ordinal)) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}

using System.Text;
using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Resources;
using Mesh.Providers.AppMesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// A model match → an App Mesh route match. HTTP (httpRoute, http2Route): path exact/regex, prefix (<c>/</c> when the match
/// has no path), at most 10 headers (exact, prefix, regex, present = a name alone, absent = the name inverted), query parameters
/// by exact value only, a method of App Mesh's enum. gRPC: an exact <c>/pkg.Service/Method</c> path or a <c>/pkg.Service/</c>
/// prefix as service and method names, headers as metadata. A condition App Mesh cannot hold is reported and not written (the
/// route matches more); a gRPC path that is not a service or method cannot be written at all (the route is left out).
/// </summary>
internal static partial class MatchMapping
{
    // Model → App Mesh.
    /// <summary>App Mesh's header, metadata and query parameter lists hold at most this many conditions.</summary>
    public const int MaxConditions = 10;

    private const int MaxHeaderName = 50;
    private const int MaxValue = 255;
    private const int MaxGrpcName = 50;

    private static readonly HashSet<string> Methods = new(["CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE"], StringComparer.Ordinal);

    public static HttpRouteMatch Http(HttpMatch? match, string path, int? port, AppMeshExportContext ctx)
    {
        var result = new HttpRouteMatch { Port = port };
        switch (match?.Path)
        {
            case null:
                result.Prefix = "/";
                break;
            case { Kind: PathMatchKind.Prefix } p:
                result.Prefix = p.Value;
                break;
            case { Kind: PathMatchKind.Exact } p:
                result.Path = new HttpPathMatch { Exact = p.Value };
                break;
            case var p:
                result.Path = new HttpPathMatch { Regex = p.Value };
                break;
        }
        if (match is null) return result;
        if (match.Path is { Kind: not PathMatchKind.Prefix } longPath && longPath.Value.Length > MaxValue)
        {
            ctx.UnsupportedOnce($"{path}.path", $"App Mesh path matches are at most {MaxValue} characters: the path condition is not written (the route matches any path).");
            result.Path = null;
            result.Prefix = "/";
        }
        result.Headers = Lists.OrNull(Headers(match.Headers, $"{path}.headers", ctx));
        result.QueryParameters = Lists.OrNull(Query(match.QueryParams, $"{path}.queryParams", ctx));
        if (match.Method is { } method)
        {
            if (Methods.Contains(method)) result.Method = method;
            else ctx.UnsupportedOnce($"{path}.method", $"App Mesh matches the methods {string.Join(", ", Methods.Order(StringComparer.Ordinal))} only: the method '{method}' is not written (the route matches any method).");
        }
        return result;
    }

    /// <summary>The gRPC match, or null when the path is not a gRPC service or method (reported; the route is not written).</summary>
    public static GrpcRouteMatch? Grpc(HttpMatch? match, string path, int? port, AppMeshExportContext ctx)
    {
        var result = new GrpcRouteMatch { Port = port };
        if (match is null) return result;
        if (match.Path is { } p)
        {
            var parts = p.Value.Split('/');
            var fits = p.Kind switch
            {
                PathMatchKind.Exact => parts is ["", { Length: > 0 }, { Length: > 0 and <= MaxGrpcName }],
                PathMatchKind.Prefix => p.Value == "/" || parts is ["", { Length: > 0 }, ""],
                _ => false,
            };
            if (!fits)
            {
                ctx.UnsupportedOnce($"{path}.path", "A gRPC route matches a service (path prefix /pkg.Service/) or a method (exact path /pkg.Service/Method) (a method name of at most 50 characters): this path cannot be written, so the match is not written on the gRPC port.");
                return null;
            }
            if (p.Kind == PathMatchKind.Exact)
            {
                result.ServiceName = parts[1];
                result.MethodName = parts[2];
            }
            else if (p.Value != "/")
            {
                result.ServiceName = parts[1];
            }
        }
        result.Metadata = Lists.OrNull(Headers(match.Headers, $"{path}.headers", ctx));
        if (match.Method is not null) ctx.UnsupportedOnce($"{path}.method", "A gRPC route matches service, method and metadata only: the HTTP method is not written on the gRPC port.");
        if (!match.QueryParams.IsEmpty) ctx.UnsupportedOnce($"{path}.queryParams", "A gRPC route matches service, method and metadata only: the query parameters are not written on the gRPC port.");
        return result;
    }

    private static IEnumerable<HeaderMatch> Headers(EquatableArray<ValueMatch> headers, string path, AppMeshExportContext ctx)
    {
        var written = 0;
        for (var j = 0; j < headers.Count; j++)
        {
            var header = headers[j];
            var at = $"{path}[{j}]";
            if (written == MaxConditions)
            {
                ctx.UnsupportedOnce(at, $"App Mesh matches at most {MaxConditions} headers: the condition is not written (the route matches more).");
                continue;
            }
            if (header.Name.Length > MaxHeaderName)
            {
                ctx.UnsupportedOnce(at, $"App Mesh header names are at most {MaxHeaderName} characters: the condition is not written (the route matches more).");
                continue;
            }
            if (header.Kind is ValueMatchKind.Exact or ValueMatchKind.Prefix or ValueMatchKind.Regex && header.Value is not { Length: > 0 and <= MaxValue })
            {
                ctx.UnsupportedOnce(at, $"App Mesh header values are 1–{MaxValue} characters: the condition is not written (the route matches more).");
                continue;
            }
            written++;
            yield return header.Kind switch
            {
                ValueMatchKind.Exact => new HeaderMatch { Name = header.Name, Match = new HeaderMatchMethod { Exact = header.Value } },
                ValueMatchKind.Prefix => new HeaderMatch { Name = header.Name, Match = new HeaderMatchMethod { Prefix = header.Value } },
                ValueMatchKind.Regex => new HeaderMatch { Name = header.Name, Match = new HeaderMatchMethod { Regex = header.Value } },
                ValueMatchKind.Present => new HeaderMatch { Name = header.Name },
                _ => new HeaderMatch { Name = header.Name, Invert = true },
            };
        }
    }

    private static IEnumerable<QueryParameterMatch> Query(EquatableArray<ValueMatch> query, string path, AppMeshExportContext ctx)
    {
        var written = 0;
        for (var j = 0; j < query.Count; j++)
        {
            var parameter = query[j];
            var at = $"{path}[{j}]";
            if (parameter.Kind != ValueMatchKind.Exact)
            {
                ctx.UnsupportedOnce(at, "App Mesh matches query parameters by exact value only: the condition is not written (the route matches more).");
                continue;
            }
            if (written == MaxConditions)
            {
                ctx.UnsupportedOnce(at, $"App Mesh matches at most {MaxConditions} query parameters: the condition is not written (the route matches more).");
                continue;
            }
            written++;
            yield return new QueryParameterMatch { Name = parameter.Name, Match = new QueryParameterMatchMethod { Exact = parameter.Value } };
        }
    }

    // App Mesh → model.

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

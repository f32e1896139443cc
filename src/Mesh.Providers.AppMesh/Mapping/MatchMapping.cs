using Mesh.Collections;
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
}

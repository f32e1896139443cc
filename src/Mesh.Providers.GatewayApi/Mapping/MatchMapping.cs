using Mesh.Model;
using Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.GatewayApi.Mapping;

/// <summary>gRPC calls are HTTP/2 requests to <c>/package.Service/Method</c>: a method match is an exact path, a service match a prefix.</summary>
public static class GrpcPath
{
    /// <summary>The GRPCRoute method match of <paramref name="path"/>: exact <c>/S/M</c> → service S, method M; prefix <c>/S/</c> → service S.</summary>
    public static bool TryFromPath(PathMatch path, out GrpcMethodMatch method)
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

    /// <summary>The path of a method match, or null when it has neither service nor method, is a regex, or names a method without its service.</summary>
    public static PathMatch? ToPath(GrpcMethodMatch method) => method switch
    {
        { Type: null or "Exact", Service: { Length: > 0 } s, Method: { Length: > 0 } m } => PathMatch.Exact($"/{s}/{m}"),
        { Type: null or "Exact", Service: { Length: > 0 } s, Method: null } => PathMatch.Prefix($"/{s}/"),
        _ => null,
    };

    private static bool IsName(string text, bool allowDots) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_' || (allowDots && c == '.')) && text[0] != '.' && text[^1] != '.';
}

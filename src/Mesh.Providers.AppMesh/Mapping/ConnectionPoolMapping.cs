using Mesh.Kubernetes;
using Mesh.Model;
using ModelPool = Mesh.Model.ConnectionPool;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// A listener's <c>connectionPool</c> → the model's connection pool: <c>http{maxConnections, maxPendingRequests}</c>,
/// <c>http2|grpc{maxRequests}</c>, <c>tcp{maxConnections}</c>. A pool of another protocol than the listener's is reported
/// (Envoy applies only the listener's).
/// </summary>
internal static partial class ConnectionPoolMapping
{
    public static ModelPool? ToModel(Resources.ConnectionPool? pool, Protocol protocol, string source, string path, ImportContext ctx)
    {
        if (pool is null) return null;
        var kinds = (pool.Http is null ? 0 : 1) + (pool.Http2 is null ? 0 : 1) + (pool.Grpc is null ? 0 : 1) + (pool.Tcp is null ? 0 : 1);
        if (kinds != 1)
        {
            ctx.Invalid(source, path, "A connection pool takes exactly one of http, http2, grpc or tcp.");
            return null;
        }
        var (field, expected) = pool switch
        {
            { Http: not null } => ("http", Protocol.Http),
            { Http2: not null } => ("http2", Protocol.Http2),
            { Grpc: not null } => ("grpc", Protocol.Grpc),
            _ => ("tcp", Protocol.Tcp),
        };
        if (expected != protocol)
        {
            ctx.NotImported(source, $"{path}.{field}", $"A {field} connection pool on a {WireNames.Of(protocol)} listener does not apply; it was not imported.");
            return null;
        }
        var result = pool switch
        {
            { Http: { } h } => new ModelPool { MaxConnections = Positive(h.MaxConnections, "http.maxConnections"), MaxPendingRequests = Positive(h.MaxPendingRequests, "http.maxPendingRequests") },
            { Http2: { } h2 } => new ModelPool { MaxRequests = Positive(h2.MaxRequests, "http2.maxRequests") },
            { Grpc: { } g } => new ModelPool { MaxRequests = Positive(g.MaxRequests, "grpc.maxRequests") },
            _ => new ModelPool { MaxConnections = Positive(pool.Tcp!.MaxConnections, "tcp.maxConnections") },
        };
        return result == new ModelPool() ? null : result;

        int? Positive(int? value, string field)
        {
            if (value is null or > 0) return value;
            ctx.Invalid(source, $"{path}.{field}", "A connection limit is a positive number.");
            return null;
        }
    }
}

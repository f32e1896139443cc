using Mesh.Kubernetes;
using Mesh.Model;
using AppMeshPool = Mesh.Providers.AppMesh.Resources.ConnectionPool;
using Mesh.Providers.AppMesh.Resources;
using Mesh.Providers.AppMesh.Translation;
using ModelPool = Mesh.Model.ConnectionPool;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// Connection limits → a listener's <c>connectionPool</c>, whose shape depends on the listener's protocol: http
/// <c>{maxConnections, maxPendingRequests}</c> (maxConnections required), http2 and grpc <c>{maxRequests}</c>, tcp
/// <c>{maxConnections}</c>. A limit that does not fit the listener is reported, per port.
/// </summary>
internal static partial class ConnectionPoolMapping
{
    // Model → App Mesh.
    /// <summary>Reports, once per policy, the limits App Mesh has no setting for.</summary>
    public static void Report(ModelPool pool, string path, AppMeshExportContext ctx)
    {
        if (pool.MaxRequestsPerConnection is not null) ctx.Unsupported($"{path}.maxRequestsPerConnection", "App Mesh's connection pool has no per-connection request limit: not written.");
        if (pool.MaxRetries is not null) ctx.Unsupported($"{path}.maxRetries", "App Mesh's connection pool has no concurrent-retry limit: not written.");
        if (pool.ConnectTimeout is not null) ctx.Unsupported($"{path}.connectTimeout", "App Mesh has no connect timeout setting: not written.");
        if (pool.IdleTimeout is not null) ctx.Unsupported($"{path}.idleTimeout", "App Mesh's idle timeouts are per listener and route (timeout.idle), not per upstream connection pool: not written.");
        if (pool.MaxConcurrentStreams is not null) ctx.Unsupported($"{path}.maxConcurrentStreams", "App Mesh's connection pool has no HTTP/2 stream limit: not written.");
        if (pool.Http2Upgrade is not null) ctx.Unsupported($"{path}.http2Upgrade", "App Mesh chooses the HTTP version from the listener's protocol; there is no upgrade setting: not written.");
    }

    /// <summary>The pool of a listener speaking <paramref name="protocol"/> on <paramref name="port"/>, or null when nothing fits.</summary>
    public static AppMeshPool? ToAppMesh(ModelPool pool, string protocol, int port, string path, AppMeshExportContext ctx)
    {
        void DoesNotFit(string field, string why) => ctx.UnsupportedOnce($"{path}.{field}", $"{why}: not written on the {protocol} listener of port {port}.");
        switch (protocol)
        {
            case ListenerProtocols.Http:
                if (pool.MaxRequests is not null) DoesNotFit("maxRequests", "App Mesh limits concurrent requests on HTTP/2 and gRPC listeners only");
                if (pool.MaxConnections is not { } connections)
                {
                    if (pool.MaxPendingRequests is not null) DoesNotFit("maxPendingRequests", "App Mesh's http connection pool needs maxConnections, which the policy does not set");
                    return null;
                }
                return new AppMeshPool { Http = new HttpConnectionPool { MaxConnections = connections, MaxPendingRequests = pool.MaxPendingRequests } };
            case ListenerProtocols.Http2 or ListenerProtocols.Grpc:
                if (pool.MaxConnections is not null) DoesNotFit("maxConnections", "App Mesh limits connections on HTTP/1 and TCP listeners only");
                if (pool.MaxPendingRequests is not null) DoesNotFit("maxPendingRequests", "App Mesh limits pending requests on HTTP/1 listeners only");
                if (pool.MaxRequests is not { } requests) return null;
                var limit = new RequestConnectionPool { MaxRequests = requests };
                return protocol == ListenerProtocols.Grpc ? new AppMeshPool { Grpc = limit } : new AppMeshPool { Http2 = limit };
            default:
                if (pool.MaxPendingRequests is not null) DoesNotFit("maxPendingRequests", "App Mesh limits pending requests on HTTP/1 listeners only");
                if (pool.MaxRequests is not null) DoesNotFit("maxRequests", "App Mesh limits concurrent requests on HTTP/2 and gRPC listeners only");
                return pool.MaxConnections is { } tcp ? new AppMeshPool { Tcp = new TcpConnectionPool { MaxConnections = tcp } } : null;
        }
    }

    // App Mesh → model.
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

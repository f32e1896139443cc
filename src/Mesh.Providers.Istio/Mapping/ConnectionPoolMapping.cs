using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// Connection pool limits ↔ <c>connectionPool</c>: max connections and connect timeout under <c>tcp</c>; pending requests,
/// requests, requests per connection, retries, idle timeout, concurrent streams and the HTTP/2 upgrade policy under <c>http</c>. An empty half is left out.
/// </summary>
internal static class ConnectionPoolMapping
{
    public static ConnectionPoolSettings ToIstio(Model.ConnectionPool pool)
    {
        var tcp = new TcpSettings
        {
            MaxConnections = pool.MaxConnections,
            ConnectTimeout = pool.ConnectTimeout is { } t ? DurationMapping.ToIstio(t) : null,
        };
        var http = new HttpSettings
        {
            Http1MaxPendingRequests = pool.MaxPendingRequests,
            Http2MaxRequests = pool.MaxRequests,
            MaxRequestsPerConnection = pool.MaxRequestsPerConnection,
            MaxRetries = pool.MaxRetries,
            IdleTimeout = pool.IdleTimeout is { } idle ? DurationMapping.ToIstio(idle) : null,
            MaxConcurrentStreams = pool.MaxConcurrentStreams,
            H2UpgradePolicy = pool.Http2Upgrade switch
            {
                Model.Http2Upgrade.Upgrade => "UPGRADE",
                Model.Http2Upgrade.DoNotUpgrade => "DO_NOT_UPGRADE",
                _ => null,
            },
        };
        return new ConnectionPoolSettings
        {
            Tcp = tcp.MaxConnections is null && tcp.ConnectTimeout is null ? null : tcp,
            Http = http is { Http1MaxPendingRequests: null, Http2MaxRequests: null, MaxRequestsPerConnection: null, MaxRetries: null, IdleTimeout: null, MaxConcurrentStreams: null, H2UpgradePolicy: null } ? null : http,
        };
    }

    /// <summary>Whether <paramref name="pool"/> sets a limit the model carries.</summary>
    public static bool Carried(ConnectionPoolSettings? pool) =>
        pool?.Tcp is { MaxConnections: not null } or { ConnectTimeout: not null }
        || pool?.Http is { Http1MaxPendingRequests: not null } or { Http2MaxRequests: not null } or { MaxRequestsPerConnection: not null } or { MaxRetries: not null }
            or { IdleTimeout: not null } or { MaxConcurrentStreams: not null } or { H2UpgradePolicy: "UPGRADE" or "DO_NOT_UPGRADE" };

    public static Model.ConnectionPool ToModel(ConnectionPoolSettings pool, string source, string path, IstioImportContext ctx) => new()
    {
        MaxConnections = pool.Tcp?.MaxConnections,
        ConnectTimeout = DurationMapping.ToModel(pool.Tcp?.ConnectTimeout, source, $"{path}.tcp.connectTimeout", ctx),
        MaxPendingRequests = pool.Http?.Http1MaxPendingRequests,
        MaxRequests = pool.Http?.Http2MaxRequests,
        MaxRequestsPerConnection = pool.Http?.MaxRequestsPerConnection,
        MaxRetries = pool.Http?.MaxRetries,
        IdleTimeout = DurationMapping.ToModel(pool.Http?.IdleTimeout, source, $"{path}.http.idleTimeout", ctx),
        MaxConcurrentStreams = pool.Http?.MaxConcurrentStreams,
        Http2Upgrade = H2Upgrade(pool.Http?.H2UpgradePolicy, source, $"{path}.http.h2UpgradePolicy", ctx),
    };

    private static Model.Http2Upgrade? H2Upgrade(string? policy, string source, string path, IstioImportContext ctx)
    {
        switch (policy)
        {
            case null:
                return null;
            case "UPGRADE":
                return Model.Http2Upgrade.Upgrade;
            case "DO_NOT_UPGRADE":
                return Model.Http2Upgrade.DoNotUpgrade;
            case "DEFAULT":
                ctx.NotImportedInfo(source, path, "DEFAULT is the mesh-wide upgrade policy; the model leaves it unset.");
                return null;
            default:
                ctx.Invalid(source, path, $"'{policy}' is not an upgrade policy (DEFAULT, DO_NOT_UPGRADE, UPGRADE); it was not imported.");
                return null;
        }
    }
}

using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// Connection pool limits ↔ <c>connectionPool</c>: max connections and connect timeout under <c>tcp</c>; pending requests,
/// requests, requests per connection and retries under <c>http</c>. An empty half is left out.
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
        };
        return new ConnectionPoolSettings
        {
            Tcp = tcp.MaxConnections is null && tcp.ConnectTimeout is null ? null : tcp,
            Http = http is { Http1MaxPendingRequests: null, Http2MaxRequests: null, MaxRequestsPerConnection: null, MaxRetries: null } ? null : http,
        };
    }

    /// <summary>Whether <paramref name="pool"/> sets a limit the model carries.</summary>
    public static bool Carried(ConnectionPoolSettings? pool) =>
        pool?.Tcp is { MaxConnections: not null } or { ConnectTimeout: not null }
        || pool?.Http is { Http1MaxPendingRequests: not null } or { Http2MaxRequests: not null } or { MaxRequestsPerConnection: not null } or { MaxRetries: not null };

    public static Model.ConnectionPool ToModel(ConnectionPoolSettings pool, string source, string path, IstioImportContext ctx) => new()
    {
        MaxConnections = pool.Tcp?.MaxConnections,
        ConnectTimeout = DurationMapping.ToModel(pool.Tcp?.ConnectTimeout, source, $"{path}.tcp.connectTimeout", ctx),
        MaxPendingRequests = pool.Http?.Http1MaxPendingRequests,
        MaxRequests = pool.Http?.Http2MaxRequests,
        MaxRequestsPerConnection = pool.Http?.MaxRequestsPerConnection,
        MaxRetries = pool.Http?.MaxRetries,
    };
}

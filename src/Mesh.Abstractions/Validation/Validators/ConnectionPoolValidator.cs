using Mesh.Model;

namespace Mesh.Validation.Validators;

/// <summary>Validates a <see cref="ConnectionPool"/>: positive limits and timeouts, a defined HTTP/2 upgrade policy.</summary>
internal sealed class ConnectionPoolValidator : ModelValidator<ConnectionPool>
{
    public static readonly ConnectionPoolValidator Instance = new();

    protected override void Check(ConnectionPool item, Reporter report)
    {
        report.PositiveLimit(nameof(ConnectionPool.MaxConnections), item.MaxConnections, "maxConnections");
        report.PositiveLimit(nameof(ConnectionPool.MaxPendingRequests), item.MaxPendingRequests, "maxPendingRequests");
        report.PositiveLimit(nameof(ConnectionPool.MaxRequests), item.MaxRequests, "maxRequests");
        report.PositiveLimit(nameof(ConnectionPool.MaxRequestsPerConnection), item.MaxRequestsPerConnection, "maxRequestsPerConnection");
        // Zero concurrent retries is meaningful: it turns retries off for the destination.
        report.PositiveLimit(nameof(ConnectionPool.MaxRetries), item.MaxRetries, "maxRetries", minimum: 0);
        report.Positive(nameof(ConnectionPool.ConnectTimeout), item.ConnectTimeout, "The connect timeout");
        report.Positive(nameof(ConnectionPool.IdleTimeout), item.IdleTimeout, "The idle timeout");
        report.PositiveLimit(nameof(ConnectionPool.MaxConcurrentStreams), item.MaxConcurrentStreams, "maxConcurrentStreams");
        if (item.Http2Upgrade is { } upgrade) report.Enum(nameof(ConnectionPool.Http2Upgrade), upgrade);
    }
}

namespace Mesh.Model;

/// <summary>Connection and request limits towards a destination (circuit breaking). Each null limit means the mesh's default.</summary>
public sealed record ConnectionPool
{
    /// <summary>The most TCP connections to the destination.</summary>
    public int? MaxConnections { get; init; }

    /// <summary>The most requests queued while waiting for a connection.</summary>
    public int? MaxPendingRequests { get; init; }

    /// <summary>The most concurrent requests (HTTP/2 and gRPC).</summary>
    public int? MaxRequests { get; init; }

    /// <summary>The most requests sent over one connection before it is closed (1 disables keep-alive).</summary>
    public int? MaxRequestsPerConnection { get; init; }

    /// <summary>The most concurrent retries (0 turns retries off for the destination).</summary>
    public int? MaxRetries { get; init; }

    /// <summary>The TCP connect timeout.</summary>
    public TimeSpan? ConnectTimeout { get; init; }

    /// <summary>How long an upstream HTTP connection may stay idle before it is closed.</summary>
    public TimeSpan? IdleTimeout { get; init; }

    /// <summary>The most concurrent streams on one HTTP/2 connection to the destination.</summary>
    public int? MaxConcurrentStreams { get; init; }

    /// <summary>Whether HTTP/1.1 connections to the destination are upgraded to HTTP/2, or null for the mesh's default.</summary>
    public Http2Upgrade? Http2Upgrade { get; init; }
}

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
}

namespace Mesh.Model;

/// <summary>How clients call a service or subset: load balancing, connection limits (circuit breaking), outlier detection, client TLS and the rate limit the destination's workloads enforce.</summary>
public sealed record DestinationPolicy
{
    /// <summary>The service or subset the policy applies to.</summary>
    public required PolicyTarget Target { get; init; }

    /// <summary>The load-balancing algorithm, or null for the mesh's default.</summary>
    public LoadBalancer? LoadBalancer { get; init; }

    /// <summary>Connection and request limits, or null for the mesh's defaults.</summary>
    public ConnectionPool? ConnectionPool { get; init; }

    /// <summary>Ejection of failing endpoints, or null for none.</summary>
    public OutlierDetection? OutlierDetection { get; init; }

    /// <summary>TLS the client originates to the destination, or null for the mesh's default (its own mTLS where on).</summary>
    public ClientTls? Tls { get; init; }

    /// <summary>Local rate limiting enforced by the target's workloads for every caller, or null for none.</summary>
    public LocalRateLimit? RateLimit { get; init; }
}

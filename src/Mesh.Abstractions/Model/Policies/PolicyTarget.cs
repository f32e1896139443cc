namespace Mesh.Model;

/// <summary>What a policy applies to: a service, one subset of it, and optionally one of its ports. YAML: <c>{ service: reviews.bookinfo, subset: v2, port: 9080 }</c>.</summary>
public sealed record PolicyTarget
{
    /// <summary>The service.</summary>
    public required ServiceRef Service { get; init; }

    /// <summary>The subset, or null for the whole service.</summary>
    public string? Subset { get; init; }

    /// <summary>The service port the policy applies to, or null for every port (destination policies only: an access policy names ports in its rules). For calls to that port, each setting a port's policy makes (load balancer, connection pool, outlier detection, TLS) replaces the port-less policy's; the settings it leaves out are inherited.</summary>
    public int? Port { get; init; }
}

namespace Mesh.Xds;

/// <summary>The health of one endpoint, as Envoy's <c>core.v3.HealthStatus</c>.</summary>
public enum EndpointHealth
{
    /// <summary>Not known; clients treat the endpoint as usable.</summary>
    Unknown,

    /// <summary>Healthy: the default.</summary>
    Healthy,

    /// <summary>Failing health checks; clients send it no traffic.</summary>
    Unhealthy,

    /// <summary>Being drained; clients send it no new traffic.</summary>
    Draining,

    /// <summary>Health check timed out.</summary>
    Timeout,

    /// <summary>Degraded: used only when no healthy endpoint is left.</summary>
    Degraded,
}

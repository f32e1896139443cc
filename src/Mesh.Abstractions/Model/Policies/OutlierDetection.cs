namespace Mesh.Model;

/// <summary>Passive health checking: endpoints that keep failing are ejected from the pool for a while. Null fields take the mesh's defaults.</summary>
public sealed record OutlierDetection
{
    /// <summary>Consecutive 5xx responses (or connection failures) that eject an endpoint.</summary>
    public int? Consecutive5xx { get; init; }

    /// <summary>Consecutive 502/503/504 responses that eject an endpoint.</summary>
    public int? ConsecutiveGatewayErrors { get; init; }

    /// <summary>How often endpoints are evaluated.</summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>The minimum ejection time; it grows with each ejection.</summary>
    public TimeSpan? BaseEjectionTime { get; init; }

    /// <summary>The most endpoints, as a percentage 0–100, that may be ejected at once.</summary>
    public int? MaxEjectionPercent { get; init; }
}

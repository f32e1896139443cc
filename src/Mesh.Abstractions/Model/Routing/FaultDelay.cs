namespace Mesh.Model;

/// <summary>A fixed delay injected into a share of requests.</summary>
public sealed record FaultDelay
{
    /// <summary>The share of requests delayed, 0–100.</summary>
    /// <value>Defaults to 100.</value>
    public decimal Percentage { get; init; } = 100m;

    /// <summary>How long the request is held.</summary>
    public required TimeSpan Duration { get; init; }
}

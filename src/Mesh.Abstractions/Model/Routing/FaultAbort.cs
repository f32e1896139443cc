namespace Mesh.Model;

/// <summary>An error status answered to a share of requests instead of forwarding them.</summary>
public sealed record FaultAbort
{
    /// <summary>The share of requests aborted, 0–100.</summary>
    /// <value>Defaults to 100.</value>
    public decimal Percentage { get; init; } = 100m;

    /// <summary>The HTTP status answered, 200–599.</summary>
    public required int HttpStatus { get; init; }
}

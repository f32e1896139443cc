namespace Mesh.Model;

/// <summary>Faults injected into a share of requests: a delay, an abort, or both.</summary>
public sealed record FaultInjection
{
    /// <summary>A delay before forwarding, or null.</summary>
    public FaultDelay? Delay { get; init; }

    /// <summary>An error answered instead of forwarding, or null.</summary>
    public FaultAbort? Abort { get; init; }
}

namespace Mesh.Model;

/// <summary>A destination of routed traffic and its share of it.</summary>
public sealed record WeightedBackend
{
    /// <summary>The destination service.</summary>
    public required ServiceRef Service { get; init; }

    /// <summary>The subset of the service, or null for all of its workloads.</summary>
    public string? Subset { get; init; }

    /// <summary>The service port, or null when the service has a single port (or the request's port applies).</summary>
    public int? Port { get; init; }

    /// <summary>The relative share of traffic; shares are proportional to the sum of a rule's weights.</summary>
    /// <value>Defaults to 1, so unweighted backends share equally.</value>
    public int Weight { get; init; } = 1;
}

namespace Mesh.Model;

/// <summary>Traffic shadowing: a copy of a share of requests is sent to another backend and its responses are discarded.</summary>
public sealed record Mirror
{
    /// <summary>The service receiving the copies.</summary>
    public required ServiceRef Service { get; init; }

    /// <summary>The subset receiving the copies, or null for the whole service.</summary>
    public string? Subset { get; init; }

    /// <summary>The service port, or null for the request's port.</summary>
    public int? Port { get; init; }

    /// <summary>The share of requests copied, 0–100.</summary>
    /// <value>Defaults to 100.</value>
    public decimal Percentage { get; init; } = 100m;
}

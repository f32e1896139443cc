namespace Mesh.Model;

/// <summary>Changes made to a request's path or authority before it is forwarded. Set at most one of the path forms.</summary>
public sealed record Rewrite
{
    /// <summary>Replaces the matched path prefix with this value.</summary>
    public string? PathPrefix { get; init; }

    /// <summary>Replaces the whole path with this value.</summary>
    public string? FullPath { get; init; }

    /// <summary>Replaces the Host/authority header with this value.</summary>
    public string? Authority { get; init; }
}

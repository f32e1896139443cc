using Mesh.Collections;

namespace Mesh.Model;

/// <summary>A weighted layer-4 split of connections to a host service.</summary>
public sealed record TcpRoute
{
    /// <summary>The route's name (a DNS-1123 label), unique per namespace.</summary>
    public required string Name { get; init; }

    /// <summary>The namespace the route lives in.</summary>
    public required string Namespace { get; init; }

    /// <summary>The service whose callers this route applies to.</summary>
    public required ServiceRef Host { get; init; }

    /// <summary>The host port this route applies to, or null for every TCP port of the host.</summary>
    public int? Port { get; init; }

    /// <summary>Where connections go, split by weight.</summary>
    public EquatableArray<WeightedBackend> Backends { get; init; }
}

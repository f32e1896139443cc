using Mesh.Collections;

namespace Mesh.Model;

/// <summary>A service in the mesh: its ports and the subsets (versions) its workloads are split into.</summary>
public sealed record MeshService
{
    /// <summary>The service name (a DNS-1123 label).</summary>
    public required string Name { get; init; }

    /// <summary>The namespace (a DNS-1123 label).</summary>
    public required string Namespace { get; init; }

    /// <summary>The ports the service listens on.</summary>
    public EquatableArray<ServicePort> Ports { get; init; }

    /// <summary>Named subsets of the service's workloads, each selected by labels (e.g. <c>v1: { version: v1 }</c>).</summary>
    public EquatableArray<Subset> Subsets { get; init; }

    /// <summary>This service as a <see cref="ServiceRef"/>.</summary>
    public ServiceRef Reference => new(Name, Namespace);

    /// <summary>Finds a subset by name.</summary>
    /// <param name="name">The subset name.</param>
    /// <returns>The subset, or null.</returns>
    public Subset? FindSubset(string name)
    {
        foreach (var subset in Subsets)
        {
            if (string.Equals(subset.Name, name, StringComparison.Ordinal)) return subset;
        }
        return null;
    }

    /// <summary>Finds a port by number.</summary>
    /// <param name="number">The port number.</param>
    /// <returns>The port, or null.</returns>
    public ServicePort? FindPort(int number)
    {
        foreach (var port in Ports)
        {
            if (port.Port == number) return port;
        }
        return null;
    }
}

using Mesh.Collections;
using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Xds;

/// <summary>The live endpoints of the mesh at one moment: for each service port, its addresses.</summary>
public sealed record EndpointSnapshot
{
    /// <summary>A snapshot with no endpoints.</summary>
    public static EndpointSnapshot Empty { get; } = new();

    /// <summary>The endpoints, one entry per service and port.</summary>
    public EquatableArray<ServiceEndpoints> Services { get; init; }

    private EndpointIndex? _index;

    /// <summary>Creates an empty snapshot.</summary>
    public EndpointSnapshot()
    {
    }

    /// <summary>Copies a snapshot for <c>with</c>; the cached index is not copied.</summary>
    /// <param name="original">The snapshot to copy.</param>
    private EndpointSnapshot(EndpointSnapshot original)
    {
        Services = original.Services;
        Locations = original.Locations;
    }

    /// <summary>The endpoints by service port, built on first use (the snapshot is immutable).</summary>
    internal EndpointIndex Index => _index ??= new EndpointIndex(this);

    /// <summary>Where each entry of <see cref="Services"/> came from, when read from YAML (not part of equality).</summary>
    internal IReadOnlyList<SourceLocation?>? Locations { get; init; }

    /// <summary>Returns a copy in which <paramref name="service"/>'s entries are replaced by <paramref name="endpoints"/>.</summary>
    /// <param name="service">The service whose endpoints change.</param>
    /// <param name="endpoints">The new entries for that service (one per port); empty removes them.</param>
    /// <returns>The new snapshot; other services' entries are shared with this one.</returns>
    public EndpointSnapshot WithService(ServiceRef service, IEnumerable<ServiceEndpoints> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var list = new List<ServiceEndpoints>(Services.Count + 1);
        foreach (var entry in Services)
        {
            if (entry.Service != service) list.Add(entry);
        }
        foreach (var entry in endpoints)
        {
            if (entry.Service != service) throw new ArgumentException($"Entry for {entry.Service} passed as endpoints of {service}.", nameof(endpoints));
            list.Add(entry);
        }
        return new EndpointSnapshot { Services = list.ToEquatableArray() };
    }

    /// <summary>Value equality over <see cref="Services"/>.</summary>
    /// <param name="other">The snapshot to compare with.</param>
    /// <returns>Whether both hold the same endpoints.</returns>
    public bool Equals(EndpointSnapshot? other) => other is not null && Services.Equals(other.Services);

    /// <summary>A hash consistent with <see cref="Equals(EndpointSnapshot?)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => Services.GetHashCode();
}

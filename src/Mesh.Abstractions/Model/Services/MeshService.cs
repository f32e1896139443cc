using Mesh.Collections;

namespace Mesh.Model;

/// <summary>A service in the mesh: its ports and the subsets (versions) its workloads are split into.</summary>
public sealed record MeshService
{
    /// <summary>The service name (a DNS-1123 label).</summary>
    public required string Name { get; init; }

    /// <summary>The namespace (a DNS-1123 label).</summary>
    public required string Namespace { get; init; }

    /// <summary>The labels of the workloads the service selects (YAML <c>selector</c>), like a Kubernetes Service's selector.</summary>
    /// <value>Empty means the default <c>{ app: &lt;name&gt; }</c>; <see cref="MeshConfig.Normalize"/> makes it explicit.</value>
    public EquatableMap<string> Selector { get; init; }

    /// <summary>The selector after normalisation: <see cref="Selector"/>, or <c>{ app: &lt;name&gt; }</c> when it is empty.</summary>
    public EquatableMap<string> EffectiveSelector => Selector.IsEmpty ? DefaultSelector(Name) : Selector;

    /// <summary>The label key of the default selector, <c>app</c>.</summary>
    public const string DefaultSelectorKey = "app";

    /// <summary>The default selector of a service: <c>{ app: &lt;name&gt; }</c>.</summary>
    /// <param name="name">The service name.</param>
    public static EquatableMap<string> DefaultSelector(string name) => new([new(DefaultSelectorKey, name)]);

    /// <summary>The labels of the workloads in a subset: the selector ∪ the subset's labels (a subset label overrides a selector label of the same key).</summary>
    /// <param name="subset">The subset name, or null for the whole service.</param>
    /// <returns>The labels, or null when the subset is not defined.</returns>
    public EquatableMap<string>? WorkloadLabels(string? subset)
    {
        if (subset is null) return EffectiveSelector;
        if (FindSubset(subset) is not { } found) return null;
        return EquatableMap<string>.Union(EffectiveSelector, found.Labels);
    }

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

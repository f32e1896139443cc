using Mesh.Collections;

namespace Mesh.Model;

/// <summary>
/// A service outside the mesh (or outside Kubernetes) that workloads may call. It is referenced as <c>name.namespace</c> like
/// any service, so routes, splits, subsets and destination policies apply to calls to it.
/// </summary>
public sealed record ExternalService
{
    /// <summary>The entry's name (a DNS-1123 label), unique per namespace.</summary>
    public required string Name { get; init; }

    /// <summary>The namespace the entry lives in.</summary>
    public required string Namespace { get; init; }

    /// <summary>The DNS names of the service (wildcards such as <c>*.example.com</c> allowed).</summary>
    public EquatableArray<string> Hosts { get; init; }

    /// <summary>The ports called.</summary>
    public EquatableArray<ServicePort> Ports { get; init; }

    /// <summary>How the hosts' addresses are found.</summary>
    /// <value>Defaults to <see cref="Resolution.Dns"/>.</value>
    public Resolution Resolution { get; init; } = Resolution.Dns;

    /// <summary>Static IP addresses (for <see cref="Resolution.Static"/>) or CIDR blocks the service answers on.</summary>
    public EquatableArray<string> Addresses { get; init; }

    /// <summary>
    /// Endpoints with their own ports or labels (with <see cref="Resolution.Static"/> or <see cref="Resolution.Dns"/>); they
    /// join <see cref="Addresses"/>, which are endpoints with neither. Routes reach them by the service's name like any
    /// service, and <see cref="Subsets"/> select them by label.
    /// </summary>
    public EquatableArray<ExternalEndpoint> Endpoints { get; init; }

    /// <summary>Named subsets of <see cref="Endpoints"/>, selected by label, for routes and destination policies (e.g. a VM version).</summary>
    public EquatableArray<Subset> Subsets { get; init; }
}

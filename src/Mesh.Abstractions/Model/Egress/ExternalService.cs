using Mesh.Collections;

namespace Mesh.Model;

/// <summary>A service outside the mesh that workloads may call (egress).</summary>
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
}

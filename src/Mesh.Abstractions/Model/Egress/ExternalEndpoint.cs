using Mesh.Collections;

namespace Mesh.Model;

/// <summary>
/// One workload of an external service that carries more than an address: the ports it listens on and labels that
/// subsets select — an Istio <c>ServiceEntry</c> endpoint, a VM (<c>WorkloadEntry</c>), a Linkerd <c>ExternalWorkload</c>.
/// YAML: <c>{ address: 10.0.0.7, ports: { http: 8080 }, labels: { version: v1 }, serviceAccount: billing }</c>.
/// </summary>
public sealed record ExternalEndpoint
{
    /// <summary>The address: an IP address, or (with <see cref="Resolution.Dns"/>) a host name resolved with DNS.</summary>
    public required string Address { get; init; }

    /// <summary>The port the endpoint listens on for each port of its service, by the port's name; a port not listed is reached on its own number.</summary>
    public EquatableMap<int> Ports { get; init; }

    /// <summary>The endpoint's labels, which the service's <see cref="ExternalService.Subsets"/> select.</summary>
    public EquatableMap<string> Labels { get; init; }

    /// <summary>
    /// The service account (in the external service's namespace) whose identity the endpoint's own mesh proxy presents: set
    /// for a workload outside the cluster that is enrolled in the mesh (a VM running the mesh's proxy), which callers then
    /// reach with the mesh's mutual TLS and which access policies see under that identity. Null for a plain endpoint.
    /// </summary>
    public string? ServiceAccount { get; init; }
}

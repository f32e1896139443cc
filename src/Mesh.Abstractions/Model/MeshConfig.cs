using Mesh.Collections;

namespace Mesh.Model;

/// <summary>
/// The whole of a mesh's behaviour in one provider-neutral value: services, HTTP and TCP routes, destination
/// policies, mTLS, access policies, external services, outbound scope and telemetry. Immutable and compared by value.
/// </summary>
public sealed record MeshConfig
{
    /// <summary>The model's name (<c>metadata.name</c> in YAML).</summary>
    public required string Name { get; init; }

    /// <summary>The services in the mesh.</summary>
    public EquatableArray<MeshService> Services { get; init; }

    /// <summary>HTTP routes (also used for HTTP/2 and gRPC).</summary>
    public EquatableArray<HttpRoute> Routes { get; init; }

    /// <summary>TCP routes: weighted layer-4 splits.</summary>
    public EquatableArray<TcpRoute> TcpRoutes { get; init; }

    /// <summary>Client-side policies for calls to a service or subset.</summary>
    public EquatableArray<DestinationPolicy> DestinationPolicies { get; init; }

    /// <summary>mTLS policies, from mesh-wide down to one workload port.</summary>
    public EquatableArray<MtlsPolicy> Mtls { get; init; }

    /// <summary>Authorization policies.</summary>
    public EquatableArray<AccessPolicy> AccessPolicies { get; init; }

    /// <summary>Services outside the mesh that workloads may call.</summary>
    public EquatableArray<ExternalService> ExternalServices { get; init; }

    /// <summary>Which hosts the workloads of each namespace may reach (at most one policy per namespace, and one mesh-wide).</summary>
    public EquatableArray<OutboundPolicy> Outbound { get; init; }

    /// <summary>Access logging and tracing, from mesh-wide down to selected workloads.</summary>
    public EquatableArray<TelemetryPolicy> Telemetry { get; init; }

    /// <summary>
    /// The canonical form of this model: every list in a stable order, duplicate set members removed,
    /// defaults that have a single meaning made explicit and weights in canonical form (lowest terms, as percentages when exact). Two models
    /// that configure a mesh identically normalise to equal values; route rule order, which is semantic,
    /// is kept.
    /// </summary>
    public MeshConfig Normalize() => Normalizer.Normalize(this);

    /// <summary>The outbound policy that applies to the workloads of <paramref name="namespace"/>: its own, else the mesh-wide one.</summary>
    /// <param name="namespace">The workloads' namespace.</param>
    /// <returns>The policy, or null when neither exists (every host of the mesh visible, other hosts reached unmanaged).</returns>
    public OutboundPolicy? OutboundFor(string @namespace)
    {
        OutboundPolicy? meshWide = null;
        foreach (var policy in Outbound)
        {
            if (policy is null) continue;
            if (policy.Namespace is null) meshWide = policy;
            else if (string.Equals(policy.Namespace, @namespace, StringComparison.Ordinal)) return policy;
        }
        return meshWide;
    }

    /// <summary>Finds a service by reference.</summary>
    /// <param name="reference">The service to find.</param>
    /// <returns>The service, or null when the model has none of that name and namespace.</returns>
    public MeshService? FindService(ServiceRef reference)
    {
        foreach (var service in Services)
        {
            if (service.Reference == reference) return service;
        }
        return null;
    }
}

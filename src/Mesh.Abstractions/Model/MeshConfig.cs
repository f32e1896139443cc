using Mesh.Collections;

namespace Mesh.Model;

/// <summary>
/// The whole of a mesh's behaviour in one provider-neutral value: services, HTTP and TCP routes, destination
/// policies, mTLS, access policies, request authentication, external services, outbound scope, telemetry, and the gateways at the mesh's edge with
/// their routes. Immutable and compared by value.
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

    /// <summary>End-user authentication by JSON Web Token: the issuers whose tokens workloads and gateways verify.</summary>
    public EquatableArray<RequestAuthentication> RequestAuthentications { get; init; }

    /// <summary>Services outside the mesh that workloads may call.</summary>
    public EquatableArray<ExternalService> ExternalServices { get; init; }

    /// <summary>Which hosts the workloads of each namespace may reach (at most one policy per namespace, and one mesh-wide).</summary>
    public EquatableArray<OutboundPolicy> Outbound { get; init; }

    /// <summary>Access logging and tracing, from mesh-wide down to selected workloads.</summary>
    public EquatableArray<TelemetryPolicy> Telemetry { get; init; }

    /// <summary>Ingress and egress gateways: proxies at the mesh's edge and the listeners they accept connections on.</summary>
    public EquatableArray<Gateway> Gateways { get; init; }

    /// <summary>HTTP routes for requests arriving at <see cref="Gateways"/>, by host name.</summary>
    public EquatableArray<GatewayRoute> GatewayRoutes { get; init; }

    /// <summary>TLS routes for connections arriving at <see cref="Gateways"/>' TLS listeners, by server name (SNI).</summary>
    public EquatableArray<GatewayTlsRoute> GatewayTlsRoutes { get; init; }

    /// <summary>TCP routes for connections arriving at <see cref="Gateways"/>' TCP listeners.</summary>
    public EquatableArray<GatewayTcpRoute> GatewayTcpRoutes { get; init; }

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

    /// <summary>Finds a gateway by name and namespace.</summary>
    /// <param name="name">The gateway's name.</param>
    /// <param name="namespace">The gateway's namespace.</param>
    /// <returns>The gateway, or null when the model has none of that name and namespace.</returns>
    public Gateway? FindGateway(string name, string @namespace)
    {
        foreach (var gateway in Gateways)
        {
            if (gateway is not null && string.Equals(gateway.Name, name, StringComparison.Ordinal) && string.Equals(gateway.Namespace, @namespace, StringComparison.Ordinal)) return gateway;
        }
        return null;
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

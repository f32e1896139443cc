namespace Mesh.Model;

/// <summary>What happens to a call whose host the workloads' outbound policy does not cover.</summary>
public enum OutboundMode
{
    /// <summary>
    /// The call leaves unmanaged, to the address the caller resolved (passthrough): Istio <c>ALLOW_ANY</c>, Linkerd
    /// <c>trafficPolicy: Allow</c>, App Mesh <c>ALLOW_ALL</c>. The default, as in a cluster without a mesh.
    /// </summary>
    AllowAny,

    /// <summary>
    /// The call is refused: workloads reach only the cluster's services and the declared external services that the
    /// policy's hosts cover; a host outside the cluster that no external service declares is unreachable (Istio
    /// <c>REGISTRY_ONLY</c>, Linkerd <c>trafficPolicy: Deny</c> on the namespace's EgressNetwork, App Mesh <c>DROP_ALL</c>,
    /// Consul <c>meshDestinationsOnly</c>, OSM with egress disabled).
    /// </summary>
    RegistryOnly,
}

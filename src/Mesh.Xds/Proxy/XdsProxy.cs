using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Xds;

/// <summary>The xDS client that configuration is built for.</summary>
public sealed record XdsProxy
{
    /// <summary>The client's node id (Envoy <c>--service-node</c>, gRPC bootstrap <c>node.id</c>).</summary>
    public required string NodeId { get; init; }

    /// <summary>The kind of client.</summary>
    /// <value><see cref="XdsProxyKind.Sidecar"/>.</value>
    public XdsProxyKind Kind { get; init; }

    /// <summary>The namespace the client runs in; short host names (<c>reviews</c>) resolve in it. Null: none.</summary>
    public string? Namespace { get; init; }

    /// <summary>The service a sidecar fronts (its inbound side), or null for a client-only workload.</summary>
    public ServiceRef? Service { get; init; }

    /// <summary>
    /// For a <see cref="XdsProxyKind.Gateway"/> proxy, the name of the model's gateway it runs (the gateway is in
    /// <see cref="Namespace"/>); null for other kinds.
    /// </summary>
    public string? GatewayName { get; init; }

    /// <summary>The workload's labels, matched by workload-scoped policies.</summary>
    public EquatableMap<string> Labels { get; init; }

    /// <summary>
    /// Where the client runs (Envoy's <c>node.locality</c>), or null when unknown. Locality-aware destination policies
    /// (failover and distribution) are encoded as endpoint priorities and locality weights relative to it.
    /// </summary>
    public EndpointLocality? Locality { get; init; }

    /// <summary>A sidecar proxy.</summary>
    /// <param name="nodeId">The node id.</param>
    /// <param name="namespace">The namespace it runs in.</param>
    /// <param name="service">The service it fronts, or null.</param>
    /// <param name="labels">The workload labels.</param>
    /// <returns>The proxy description.</returns>
    public static XdsProxy Sidecar(string nodeId, string @namespace, ServiceRef? service = null, EquatableMap<string> labels = default) =>
        new() { NodeId = nodeId, Kind = XdsProxyKind.Sidecar, Namespace = @namespace, Service = service, Labels = labels };

    /// <summary>A gateway proxy: an Envoy running the model's gateway <paramref name="gatewayName"/> of <paramref name="namespace"/>.</summary>
    /// <param name="nodeId">The node id.</param>
    /// <param name="namespace">The gateway's namespace (the proxy's, too).</param>
    /// <param name="gatewayName">The gateway's name.</param>
    /// <param name="labels">The proxy workload's labels (telemetry policies select by them).</param>
    /// <returns>The proxy description.</returns>
    public static XdsProxy Gateway(string nodeId, string @namespace, string gatewayName, EquatableMap<string> labels = default) =>
        new() { NodeId = nodeId, Kind = XdsProxyKind.Gateway, Namespace = @namespace, GatewayName = gatewayName, Labels = labels };

    /// <summary>A proxyless gRPC client.</summary>
    /// <param name="nodeId">The node id.</param>
    /// <param name="namespace">The namespace it runs in, or null.</param>
    /// <returns>The proxy description.</returns>
    public static XdsProxy ProxylessGrpc(string nodeId, string? @namespace = null) =>
        new() { NodeId = nodeId, Kind = XdsProxyKind.ProxylessGrpc, Namespace = @namespace };
}

using Mesh.Collections;

namespace Mesh.Xds.Server;

/// <summary>The client of a stream as its first request describes it (Envoy's <c>envoy.config.core.v3.Node</c>).</summary>
public sealed record XdsNode
{
    /// <summary>The node id (Envoy <c>--service-node</c>, gRPC bootstrap <c>node.id</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The node's cluster (Envoy <c>--service-cluster</c>).</summary>
    /// <value>Empty when the client sent none.</value>
    public string Cluster { get; init; } = string.Empty;

    /// <summary>The client's name for itself: <c>envoy</c> for Envoy, <c>gRPC Node</c>, <c>grpc-java</c>, … for gRPC libraries.</summary>
    /// <value>Empty when the client sent none.</value>
    public string UserAgentName { get; init; } = string.Empty;

    /// <summary>Where the client runs, or null when it did not say.</summary>
    public EndpointLocality? Locality { get; init; }

    /// <summary>The node metadata's top-level string, number and boolean fields, as text (nested values are left out).</summary>
    public EquatableMap<string> Metadata { get; init; }
}

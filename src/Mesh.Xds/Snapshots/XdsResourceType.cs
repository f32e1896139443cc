namespace Mesh.Xds;

/// <summary>The four xDS resource types the encoder produces.</summary>
public enum XdsResourceType
{
    /// <summary>LDS: <c>envoy.config.listener.v3.Listener</c>.</summary>
    Listener,

    /// <summary>RDS: <c>envoy.config.route.v3.RouteConfiguration</c>.</summary>
    RouteConfiguration,

    /// <summary>CDS: <c>envoy.config.cluster.v3.Cluster</c>.</summary>
    Cluster,

    /// <summary>EDS: <c>envoy.config.endpoint.v3.ClusterLoadAssignment</c>.</summary>
    ClusterLoadAssignment,
}

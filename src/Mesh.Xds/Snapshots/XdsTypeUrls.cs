namespace Mesh.Xds;

/// <summary>The <c>google.protobuf.Any</c> type URLs of every message the encoder emits.</summary>
public static class XdsTypeUrls
{
    /// <summary>LDS resources.</summary>
    public const string Listener = "type.googleapis.com/envoy.config.listener.v3.Listener";

    /// <summary>RDS resources.</summary>
    public const string RouteConfiguration = "type.googleapis.com/envoy.config.route.v3.RouteConfiguration";

    /// <summary>CDS resources.</summary>
    public const string Cluster = "type.googleapis.com/envoy.config.cluster.v3.Cluster";

    /// <summary>EDS resources.</summary>
    public const string ClusterLoadAssignment = "type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment";

    /// <summary>The HTTP connection manager network filter.</summary>
    public const string HttpConnectionManager = "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager";

    /// <summary>The router HTTP filter.</summary>
    public const string Router = "type.googleapis.com/envoy.extensions.filters.http.router.v3.Router";

    /// <summary>The fault-injection HTTP filter (and its per-route config).</summary>
    public const string HttpFault = "type.googleapis.com/envoy.extensions.filters.http.fault.v3.HTTPFault";

    /// <summary>Upstream HTTP protocol options of a cluster.</summary>
    public const string HttpProtocolOptions = "type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions";

    /// <summary>The upstream TLS transport socket.</summary>
    public const string UpstreamTlsContext = "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext";

    /// <summary>The downstream (server-side) TLS transport socket.</summary>
    public const string DownstreamTlsContext = "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext";

    /// <summary>The RBAC HTTP filter.</summary>
    public const string Rbac = "type.googleapis.com/envoy.extensions.filters.http.rbac.v3.RBAC";

    /// <summary>The type URL of a resource type.</summary>
    /// <param name="type">The resource type.</param>
    /// <returns>Its type URL.</returns>
    public static string Of(XdsResourceType type) => type switch
    {
        XdsResourceType.Listener => Listener,
        XdsResourceType.RouteConfiguration => RouteConfiguration,
        XdsResourceType.Cluster => Cluster,
        XdsResourceType.ClusterLoadAssignment => ClusterLoadAssignment,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not an xDS resource type."),
    };
}

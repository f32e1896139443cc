namespace Mesh.Xds.Encoders;

/// <summary>The type URLs and fixed names the encoders write, as UTF-8 literals (no transcoding per resource).</summary>
internal static class TypeUrlBytes
{
    public static ReadOnlySpan<byte> Listener => "type.googleapis.com/envoy.config.listener.v3.Listener"u8;

    public static ReadOnlySpan<byte> RouteConfiguration => "type.googleapis.com/envoy.config.route.v3.RouteConfiguration"u8;

    public static ReadOnlySpan<byte> Cluster => "type.googleapis.com/envoy.config.cluster.v3.Cluster"u8;

    public static ReadOnlySpan<byte> ClusterLoadAssignment => "type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment"u8;

    public static ReadOnlySpan<byte> HttpConnectionManager => "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager"u8;

    public static ReadOnlySpan<byte> Router => "type.googleapis.com/envoy.extensions.filters.http.router.v3.Router"u8;

    public static ReadOnlySpan<byte> FileAccessLog => "type.googleapis.com/envoy.extensions.access_loggers.file.v3.FileAccessLog"u8;

    public static ReadOnlySpan<byte> HttpFault => "type.googleapis.com/envoy.extensions.filters.http.fault.v3.HTTPFault"u8;

    public static ReadOnlySpan<byte> HttpProtocolOptions => "type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions"u8;

    public static ReadOnlySpan<byte> UpstreamTlsContext => "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext"u8;

    public static ReadOnlySpan<byte> DownstreamTlsContext => "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext"u8;

    public static ReadOnlySpan<byte> LocalRateLimit => "type.googleapis.com/envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit"u8;

    public static ReadOnlySpan<byte> JwtAuthn => "type.googleapis.com/envoy.extensions.filters.http.jwt_authn.v3.JwtAuthentication"u8;
    public static ReadOnlySpan<byte> TcpProxy => "type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy"u8;

    public static ReadOnlySpan<byte> TlsInspector => "type.googleapis.com/envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector"u8;

    public static ReadOnlySpan<byte> Rbac => "type.googleapis.com/envoy.extensions.filters.http.rbac.v3.RBAC"u8;

    public static ReadOnlySpan<byte> OriginalDst => "type.googleapis.com/envoy.extensions.filters.listener.original_dst.v3.OriginalDst"u8;

    /// <summary>The type URL of a resource type.</summary>
    public static ReadOnlySpan<byte> Of(XdsResourceType type) => type switch
    {
        XdsResourceType.Listener => Listener,
        XdsResourceType.RouteConfiguration => RouteConfiguration,
        XdsResourceType.Cluster => Cluster,
        _ => ClusterLoadAssignment,
    };
}

namespace Mesh.Xds.EnvoyApi;

// envoy.extensions.upstreams.http.v3 (envoy/extensions/upstreams/http/v3/http_protocol_options.proto).

/// <summary><c>envoy.extensions.upstreams.http.v3.HttpProtocolOptions</c>.</summary>
internal static class HttpProtocolOptionsFields
{
    public const int CommonHttpProtocolOptions = 1;
    public const int ExplicitHttpConfig = 3;
}

/// <summary><c>envoy.extensions.upstreams.http.v3.HttpProtocolOptions.ExplicitHttpConfig</c>.</summary>
internal static class ExplicitHttpConfigFields
{
    public const int HttpProtocolOptions = 1;
    public const int Http2ProtocolOptions = 2;
}

namespace Mesh.Xds.EnvoyApi;

// envoy.extensions.filters.network.http_connection_manager.v3 (http_connection_manager.proto).

/// <summary><c>envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager</c>.</summary>
internal static class HttpConnectionManagerFields
{
    public const int StatPrefix = 2;
    public const int Rds = 3;
    public const int RouteConfig = 4;
    public const int HttpFilters = 5;
}

/// <summary><c>envoy.extensions.filters.network.http_connection_manager.v3.Rds</c>.</summary>
internal static class RdsFields
{
    public const int ConfigSource = 1;
    public const int RouteConfigName = 2;
}

/// <summary><c>envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter</c>.</summary>
internal static class HttpFilterFields
{
    public const int Name = 1;
    public const int TypedConfig = 4;
}

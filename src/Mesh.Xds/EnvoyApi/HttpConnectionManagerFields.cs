namespace Mesh.Xds.EnvoyApi;

// envoy.extensions.filters.network.http_connection_manager.v3 (http_connection_manager.proto).

/// <summary><c>envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager</c>.</summary>
internal static class HttpConnectionManagerFields
{
    public const int StatPrefix = 2;
    public const int Rds = 3;
    public const int RouteConfig = 4;
    public const int HttpFilters = 5;
    public const int Tracing = 7;
    public const int AccessLog = 13;
}

/// <summary><c>envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager.Tracing</c>.</summary>
internal static class HcmTracingFields
{
    public const int RandomSampling = 4;
    public const int CustomTags = 8;
}

/// <summary><c>envoy.type.tracing.v3.CustomTag</c>.</summary>
internal static class CustomTagFields
{
    public const int Tag = 1;
    public const int Literal = 2;
    public const int Environment = 3;
    public const int RequestHeader = 4;
}

/// <summary><c>envoy.type.tracing.v3.CustomTag.Literal</c>.</summary>
internal static class CustomTagLiteralFields
{
    public const int Value = 1;
}

/// <summary><c>envoy.type.tracing.v3.CustomTag.Environment</c>.</summary>
internal static class CustomTagEnvironmentFields
{
    public const int Name = 1;
    public const int DefaultValue = 2;
}

/// <summary><c>envoy.type.tracing.v3.CustomTag.Header</c>.</summary>
internal static class CustomTagHeaderFields
{
    public const int Name = 1;
    public const int DefaultValue = 2;
}

/// <summary><c>envoy.config.accesslog.v3.AccessLog</c>.</summary>
internal static class AccessLogFields
{
    public const int Name = 1;
    public const int TypedConfig = 4;
}

/// <summary><c>envoy.extensions.access_loggers.file.v3.FileAccessLog</c>.</summary>
internal static class FileAccessLogFields
{
    public const int Path = 1;
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

namespace Mesh.Xds.EnvoyApi;

// envoy.config.core.v3 (envoy/config/core/v3/{config_source,address,base,protocol}.proto).

/// <summary><c>envoy.config.core.v3.ConfigSource</c>.</summary>
internal static class ConfigSourceFields
{
    public const int Ads = 3;
    public const int ResourceApiVersion = 6;
}

/// <summary><c>envoy.config.core.v3.ApiVersion</c>.</summary>
internal enum ApiVersion
{
    Auto = 0,
    V2 = 1,
    V3 = 2,
}

/// <summary><c>envoy.config.core.v3.Address</c>.</summary>
internal static class AddressFields
{
    public const int SocketAddress = 1;
}

/// <summary><c>envoy.config.core.v3.SocketAddress</c>.</summary>
internal static class SocketAddressFields
{
    public const int Address = 2;
    public const int PortValue = 3;
}

/// <summary><c>envoy.config.core.v3.CidrRange</c>.</summary>
internal static class CidrRangeFields
{
    public const int AddressPrefix = 1;
    public const int PrefixLen = 2;
}

/// <summary><c>envoy.config.core.v3.Locality</c>.</summary>
internal static class LocalityFields
{
    public const int Region = 1;
    public const int Zone = 2;
    public const int SubZone = 3;
}

/// <summary><c>envoy.config.core.v3.HeaderValue</c>.</summary>
internal static class HeaderValueFields
{
    public const int Key = 1;
    public const int Value = 2;
}

/// <summary><c>envoy.config.core.v3.HeaderValueOption</c>.</summary>
internal static class HeaderValueOptionFields
{
    public const int Header = 1;
    public const int AppendAction = 3;
}

/// <summary><c>envoy.config.core.v3.HeaderValueOption.HeaderAppendAction</c>.</summary>
internal enum HeaderAppendAction
{
    AppendIfExistsOrAdd = 0,
    AddIfAbsent = 1,
    OverwriteIfExistsOrAdd = 2,
    OverwriteIfExists = 3,
}

/// <summary><c>envoy.config.core.v3.DataSource</c>.</summary>
internal static class DataSourceFields
{
    public const int Filename = 1;
    public const int InlineString = 3;
}

/// <summary><c>envoy.config.core.v3.TransportSocket</c>.</summary>
internal static class TransportSocketFields
{
    public const int Name = 1;
    public const int TypedConfig = 3;
}

/// <summary><c>envoy.config.core.v3.RuntimeFractionalPercent</c>.</summary>
internal static class RuntimeFractionalPercentFields
{
    public const int DefaultValue = 1;
}

/// <summary><c>envoy.config.core.v3.HttpProtocolOptions</c> (not the upstream extension of the same name).</summary>
internal static class CoreHttpProtocolOptionsFields
{
    public const int IdleTimeout = 1;
    public const int MaxRequestsPerConnection = 6;
}

/// <summary><c>envoy.config.core.v3.Http2ProtocolOptions</c>.</summary>
internal static class Http2ProtocolOptionsFields
{
    public const int MaxConcurrentStreams = 2;
}

/// <summary><c>envoy.config.core.v3.RuntimeDouble</c>.</summary>
internal static class RuntimeDoubleFields
{
    public const int DefaultValue = 1;
    public const int RuntimeKey = 2;
}

/// <summary><c>envoy.config.core.v3.TrafficDirection</c>.</summary>
internal enum TrafficDirection
{
    Unspecified = 0,
    Inbound = 1,
    Outbound = 2,
}

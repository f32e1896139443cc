namespace Mesh.Xds.EnvoyApi;

// envoy.config.listener.v3 (envoy/config/listener/v3/{listener,listener_components,api_listener}.proto).

/// <summary><c>envoy.config.listener.v3.Listener</c>.</summary>
internal static class ListenerFields
{
    public const int Name = 1;
    public const int Address = 2;
    public const int FilterChains = 3;
    public const int ListenerFilters = 9;
    public const int TrafficDirection = 16;
    public const int ApiListener = 19;
    public const int ContinueOnListenerFiltersTimeout = 17;
}

/// <summary><c>envoy.config.listener.v3.FilterChain</c>.</summary>
internal static class FilterChainFields
{
    public const int FilterChainMatch = 1;
    public const int Filters = 3;
    public const int TransportSocket = 6;
    public const int Name = 7;
}

/// <summary><c>envoy.config.listener.v3.FilterChainMatch</c>.</summary>
internal static class FilterChainMatchFields
{
    public const int DestinationPort = 8;
    public const int ServerNames = 11;
    public const int PrefixRanges = 3;
}

/// <summary><c>envoy.config.listener.v3.ListenerFilter</c>.</summary>
internal static class ListenerFilterFields
{
    public const int Name = 1;
    public const int TypedConfig = 3;
}

/// <summary><c>envoy.config.listener.v3.Filter</c>.</summary>
internal static class FilterFields
{
    public const int Name = 1;
    public const int TypedConfig = 4;
}

/// <summary><c>envoy.config.listener.v3.ApiListener</c>.</summary>
internal static class ApiListenerFields
{
    public const int ApiListener = 1;
}

namespace Mesh.Xds.EnvoyApi;

// envoy.config.endpoint.v3 (envoy/config/endpoint/v3/{endpoint,endpoint_components}.proto).

/// <summary><c>envoy.config.endpoint.v3.ClusterLoadAssignment</c>.</summary>
internal static class ClusterLoadAssignmentFields
{
    public const int ClusterName = 1;
    public const int Endpoints = 2;
}

/// <summary><c>envoy.config.endpoint.v3.LocalityLbEndpoints</c>.</summary>
internal static class LocalityLbEndpointsFields
{
    public const int Locality = 1;
    public const int LbEndpoints = 2;
    public const int LoadBalancingWeight = 3;
    public const int Priority = 5;
}

/// <summary><c>envoy.config.endpoint.v3.LbEndpoint</c>.</summary>
internal static class LbEndpointFields
{
    public const int Endpoint = 1;
    public const int HealthStatus = 2;
    public const int LoadBalancingWeight = 4;
}

/// <summary><c>envoy.config.endpoint.v3.Endpoint</c>.</summary>
internal static class EndpointFields
{
    public const int Address = 1;
}

namespace Mesh.Xds.EnvoyApi;

// envoy.config.cluster.v3 (envoy/config/cluster/v3/{cluster,circuit_breaker,outlier_detection}.proto).

/// <summary><c>envoy.config.cluster.v3.Cluster</c>.</summary>
internal static class ClusterFields
{
    public const int Name = 1;
    public const int Type = 2;
    public const int EdsClusterConfig = 3;
    public const int ConnectTimeout = 4;
    public const int LbPolicy = 6;
    public const int CircuitBreakers = 10;
    public const int OutlierDetection = 19;
    public const int RingHashLbConfig = 23;
    public const int TransportSocket = 24;
    public const int CommonLbConfig = 27;
    public const int LoadAssignment = 33;
    public const int TypedExtensionProtocolOptions = 36;
    public const int LeastRequestLbConfig = 37;
    public const int MaglevLbConfig = 52;
    public const int RoundRobinLbConfig = 56;
}

/// <summary><c>envoy.config.cluster.v3.Cluster.CommonLbConfig</c>.</summary>
internal static class CommonLbConfigFields
{
    public const int LocalityWeightedLbConfig = 3;
}

/// <summary><c>envoy.config.cluster.v3.Cluster.RingHashLbConfig</c>.</summary>
internal static class RingHashLbConfigFields
{
    public const int MinimumRingSize = 1;
}

/// <summary><c>envoy.config.cluster.v3.Cluster.MaglevLbConfig</c>.</summary>
internal static class MaglevLbConfigFields
{
    public const int TableSize = 1;
}

/// <summary><c>envoy.config.cluster.v3.Cluster.RoundRobinLbConfig</c>.</summary>
internal static class RoundRobinLbConfigFields
{
    public const int SlowStartConfig = 1;
}

/// <summary><c>envoy.config.cluster.v3.Cluster.LeastRequestLbConfig</c>.</summary>
internal static class LeastRequestLbConfigFields
{
    public const int SlowStartConfig = 3;
}

/// <summary><c>envoy.config.cluster.v3.Cluster.SlowStartConfig</c>.</summary>
internal static class SlowStartConfigFields
{
    public const int SlowStartWindow = 1;
    public const int Aggression = 2;
    public const int MinWeightPercent = 3;
}

/// <summary><c>envoy.config.cluster.v3.Cluster.DiscoveryType</c>.</summary>
internal enum DiscoveryType
{
    Static = 0,
    StrictDns = 1,
    LogicalDns = 2,
    Eds = 3,
    OriginalDst = 4,
}

/// <summary><c>envoy.config.cluster.v3.Cluster.LbPolicy</c>.</summary>
internal enum LbPolicy
{
    RoundRobin = 0,
    LeastRequest = 1,
    RingHash = 2,
    Random = 3,
    Maglev = 5,
    ClusterProvided = 6,
}

/// <summary><c>envoy.config.cluster.v3.Cluster.EdsClusterConfig</c>.</summary>
internal static class EdsClusterConfigFields
{
    public const int EdsConfig = 1;
    public const int ServiceName = 2;
}

/// <summary><c>envoy.config.cluster.v3.CircuitBreakers</c>.</summary>
internal static class CircuitBreakersFields
{
    public const int Thresholds = 1;
}

/// <summary><c>envoy.config.cluster.v3.CircuitBreakers.Thresholds</c>.</summary>
internal static class ThresholdsFields
{
    public const int MaxConnections = 2;
    public const int MaxPendingRequests = 3;
    public const int MaxRequests = 4;
    public const int MaxRetries = 5;
}

/// <summary><c>envoy.config.cluster.v3.OutlierDetection</c>.</summary>
internal static class OutlierDetectionFields
{
    public const int Consecutive5xx = 1;
    public const int Interval = 2;
    public const int BaseEjectionTime = 3;
    public const int MaxEjectionPercent = 4;
    public const int ConsecutiveGatewayFailure = 10;
    public const int EnforcingConsecutiveGatewayFailure = 11;
}

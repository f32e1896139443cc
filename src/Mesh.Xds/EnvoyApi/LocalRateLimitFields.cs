namespace Mesh.Xds.EnvoyApi;

// envoy.extensions.filters.http.local_ratelimit.v3 (local_rate_limit.proto).

/// <summary><c>envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit</c>.</summary>
internal static class LocalRateLimitFields
{
    public const int StatPrefix = 1;
    public const int Status = 2;
    public const int TokenBucket = 3;
    public const int FilterEnabled = 4;
    public const int FilterEnforced = 5;
}

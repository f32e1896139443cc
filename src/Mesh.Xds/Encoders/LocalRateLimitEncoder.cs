using Mesh.Xds.EnvoyApi;
using Mesh.Xds.Planning;
using Mesh.Xds.Wire;

namespace Mesh.Xds.Encoders;

/// <summary>
/// Encodes <c>envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit</c>: the stat prefix, and with a token
/// bucket the bucket, the status answered when it is empty, and the filter enabled and enforced for 100% of requests
/// (Envoy's defaults are 0%: present but inert). Without a bucket (only routes are limited) the filter limits nothing
/// itself; each limited route carries its own configuration.
/// </summary>
internal static class LocalRateLimitEncoder
{
    /// <summary>The filter's name, the key of its per-route configuration too.</summary>
    public static ReadOnlySpan<byte> FilterName => "envoy.filters.http.local_ratelimit"u8;

    public static void Write<TSink>(ref TSink s, RateLimitPlan? limit) where TSink : IProtoSink, allows ref struct
    {
        s.String(LocalRateLimitFields.StatPrefix, ResourceNames.RateLimitStatPrefix);
        if (limit is null) return;
        s.Begin(LocalRateLimitFields.Status);
        s.Varint(HttpStatusFields.Code, (ulong)Math.Max(0, limit.Status));
        s.End();
        s.Begin(LocalRateLimitFields.TokenBucket);
        s.Varint(TokenBucketFields.MaxTokens, (ulong)Math.Max(0, limit.MaxTokens));
        Fields.UInt32Value(ref s, TokenBucketFields.TokensPerFill, limit.TokensPerFill);
        Fields.Duration(ref s, TokenBucketFields.FillInterval, limit.FillInterval);
        s.End();
        s.Begin(LocalRateLimitFields.FilterEnabled);
        Fields.Percent(ref s, RuntimeFractionalPercentFields.DefaultValue, 100m);
        s.End();
        s.Begin(LocalRateLimitFields.FilterEnforced);
        Fields.Percent(ref s, RuntimeFractionalPercentFields.DefaultValue, 100m);
        s.End();
    }
}

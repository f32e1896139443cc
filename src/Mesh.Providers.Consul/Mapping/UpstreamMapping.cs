using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// Connection pools and outlier detection → <c>ServiceDefaults.upstreamConfig.overrides[]</c>. Consul configures them on the
/// <b>caller</b>, per upstream, while the model sets them on the callee for all callers: the model does not say who calls
/// whom, so every other service of the model that may call it (<see cref="Callers"/>: all, unless allow policies admit only
/// some) gets an override naming the callee (<c>name</c>, and <c>namespace</c> on Enterprise); callers outside the model keep
/// Consul's defaults (noted once per policy; reported when no model service is a caller, as nothing is then written).
/// </summary>
internal static partial class UpstreamMapping
{
    public static void ToConsul(DestinationPolicy policy, int index, ConsulExportContext ctx)
    {
        var path = $"$.spec.destinationPolicies[{index}]";
        var callee = policy.Target.Service;
        var limits = policy.ConnectionPool is { } pool ? Limits(pool, path, ctx) : null;
        var health = policy.OutlierDetection is { } outlier ? HealthCheck(outlier, path, ctx) : null;
        int? connectTimeout = policy.ConnectionPool?.ConnectTimeout is { } t ? (int)Math.Max(1, Math.Ceiling(t.TotalMilliseconds)) : null;
        if (policy.ConnectionPool?.ConnectTimeout is { } ct && ct.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            ctx.ApproximatedOnce($"{path}.connectionPool.connectTimeout", "Consul's connectTimeoutMs is whole milliseconds: the timeout is rounded up.");
        }
        if (limits is null && health is null && connectTimeout is null) return;
        var callers = ctx.Callers.Of(callee);
        if (callers.Count == 0)
        {
            // Nothing would carry the policy: no other model service may call the callee.
            ctx.UnsupportedOnce(path, ctx.Message("Consul sets upstream limits and passive health checks on the caller, and no other service of the model its allow policies admit calls '{0}': nothing is written.", callee.ToString()));
            return;
        }
        // Every caller's override of this callee is the same: one object, listed by each caller.
        var upstream = new Upstream
        {
            Name = callee.Name,
            Namespace = ctx.Enterprise ? callee.Namespace : null,
            Partition = ctx.PartitionField,
            ConnectTimeoutMs = connectTimeout,
            Limits = limits,
            PassiveHealthCheck = health,
        };
        foreach (var caller in callers)
        {
            var upstreams = ctx.DefaultsOf(caller).Spec.UpstreamConfig ??= new UpstreamConfig();
            (upstreams.Overrides ??= []).Add(upstream);
        }
        ctx.NoteOnce(path, ctx.Message("Consul sets upstream limits and passive health checks on the caller: written as an upstreamConfig override for '{0}' in the ServiceDefaults of every other service of the model its allow policies admit; callers outside the model are not limited.", callee.ToString()));
    }

    private static UpstreamLimits? Limits(ConnectionPool pool, string path, ConsulExportContext ctx)
    {
        if (pool.MaxRequestsPerConnection is not null) ctx.UnsupportedOnce($"{path}.connectionPool.maxRequestsPerConnection", "Consul's upstream limits have no per-connection request limit.");
        if (pool.MaxRetries is not null) ctx.UnsupportedOnce($"{path}.connectionPool.maxRetries", "Consul's upstream limits have no concurrent-retry limit.");
        if (pool.IdleTimeout is not null) ctx.UnsupportedOnce($"{path}.connectionPool.idleTimeout", "Consul has no idle timeout for upstream connections.");
        if (pool.MaxConcurrentStreams is not null) ctx.UnsupportedOnce($"{path}.connectionPool.maxConcurrentStreams", "Consul's upstream limits have no HTTP/2 stream limit.");
        if (pool.Http2Upgrade is not null) ctx.UnsupportedOnce($"{path}.connectionPool.http2Upgrade", "Consul chooses the upstream HTTP version from the service's protocol; there is no upgrade setting.");
        if (pool.MaxConnections is null && pool.MaxPendingRequests is null && pool.MaxRequests is null) return null;
        return new UpstreamLimits { MaxConnections = pool.MaxConnections, MaxPendingRequests = pool.MaxPendingRequests, MaxConcurrentRequests = pool.MaxRequests };
    }

    private static PassiveHealthCheck? HealthCheck(OutlierDetection outlier, string path, ConsulExportContext ctx)
    {
        if (outlier.ConsecutiveGatewayErrors is not null) ctx.UnsupportedOnce($"{path}.outlierDetection.consecutiveGatewayErrors", "Consul's passive health check counts consecutive 5xx responses only (maxFailures).");
        if (outlier.Consecutive5xx is null && outlier.Interval is null && outlier.BaseEjectionTime is null && outlier.MaxEjectionPercent is null) return null;
        return new PassiveHealthCheck
        {
            MaxFailures = outlier.Consecutive5xx,
            Interval = outlier.Interval is { } i ? GoDuration.Format(i) : null,
            BaseEjectionTime = outlier.BaseEjectionTime is { } b ? GoDuration.Format(b) : null,
            MaxEjectionPercent = outlier.MaxEjectionPercent,
        };
    }
}

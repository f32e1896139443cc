using Mesh.Model;

namespace Mesh.Xds.Planning;

/// <summary>
/// Resolves the telemetry policies that apply to the proxy — mesh-wide, then its namespace's, then those whose workload
/// selector its labels meet (in model order) — into one <see cref="TelemetryPlan"/>: each level overrides what it sets.
/// Proxyless gRPC clients take no access log or tracing over xDS; their policies are reported.
/// </summary>
internal static class TelemetryPlanner
{
    public static TelemetryPlan? Telemetry(PlanContext context)
    {
        var config = context.Config;
        var proxy = context.Proxy;
        bool? accessLog = null;
        TracingSettings? tracing = null;
        decimal? sampling = null;
        TracingTag[] tags = [];
        var applied = false;
        foreach (var level in new[] { 0, 1, 2 })
        {
            for (var i = 0; i < config.Telemetry.Count; i++)
            {
                var policy = config.Telemetry[i];
                var policyLevel = policy.Namespace is null ? 0 : policy.Workload.IsEmpty ? 1 : 2;
                if (policyLevel != level || !Applies(policy, proxy)) continue;
                if (context.Proxyless)
                {
                    context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.telemetry[{i}]", "Proxyless gRPC clients take no access log or tracing configuration over xDS; the telemetry policy is not encoded for them.");
                    continue;
                }
                applied = true;
                accessLog = policy.AccessLogging ?? accessLog;
                if (policy.Tracing is { } t)
                {
                    tracing = t;
                    sampling = t.SamplingPercentage ?? sampling;
                    if (!t.CustomTags.IsEmpty) tags = [.. t.CustomTags];
                }
            }
        }
        if (!applied) return null;
        var plan = new TelemetryPlan(accessLog == true, tracing is not null, sampling, tags);
        return plan.IsEmpty ? null : plan;
    }

    private static bool Applies(TelemetryPolicy policy, XdsProxy proxy) =>
        policy.Namespace is null
        || (proxy.Namespace == policy.Namespace && policy.Workload.All(l => proxy.Labels.TryGetValue(l.Key, out var v) && v == l.Value));
}

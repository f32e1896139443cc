using Mesh.Model;
using Mesh.Providers.AppMesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// Destination policies land on the listeners of their target's virtual nodes (App Mesh limits a node's inbound side, which
/// every caller shares): <see cref="For"/> picks a node's policy — its subset's, else its service's. What App Mesh has no
/// setting for is reported once per policy here; the per-listener fit in <see cref="ConnectionPoolMapping"/>. Client TLS is
/// the callers' (<see cref="ClientTlsMapping"/>).
/// </summary>
internal static partial class DestinationPolicyMapping
{
    public static void Report(MeshConfig config, AppMeshExportContext ctx)
    {
        for (var i = 0; i < config.DestinationPolicies.Count; i++)
        {
            var policy = config.DestinationPolicies[i];
            var path = $"$.spec.destinationPolicies[{i}]";
            if (policy.Target.Port is not null)
            {
                // Its client TLS is the callers' (ClientTlsMapping), which App Mesh limits to ports; nothing else is per port.
                if (policy with { Tls = null } != new DestinationPolicy { Target = policy.Target })
                {
                    ctx.Unsupported($"{path}.target.port", $"A policy for one port of a service is not mapped to App Mesh (its limits apply to a node's listener for every caller): the policy is not written{(policy.Tls is null ? "" : ", but its client TLS is (clientPolicy.tls.ports)")}.");
                }
                continue;
            }
            if (policy.RateLimit is not null) ctx.Unsupported($"{path}.rateLimit", "App Mesh has no rate limiting (a virtual node's listener has connection pools and outlier detection, no request rate); the rate limit is not written.");
            if (policy.LoadBalancer is not null) ctx.Unsupported($"{path}.loadBalancer", "App Mesh has no load-balancer setting (Envoy's round robin is fixed): the load balancer is not written.");
            if (policy.ConnectionPool is { } pool) ConnectionPoolMapping.Report(pool, $"{path}.connectionPool", ctx);
            if (policy.OutlierDetection is { } outlier) OutlierDetectionMapping.Report(outlier, $"{path}.outlierDetection", ctx);
            if (ctx.Plan.Targets(policy.Target.Service, policy.Target.Subset).Count == 0)
            {
                ctx.Unsupported(path, $"No virtual node stands for '{policy.Target.Service}'{(policy.Target.Subset is { } s ? $" subset '{s}'" : "")}: the policy is not written.");
            }
        }
    }

    /// <summary>The policy of a node and its index: the first naming its subset, else the first naming its whole service.</summary>
    public static (DestinationPolicy Policy, int Index)? For(PlannedNode node, AppMeshExportContext ctx)
    {
        (DestinationPolicy, int)? whole = null;
        foreach (var (policy, i) in ctx.PoliciesOf(node.Owner))
        {
            if (policy.Target.Subset is null) whole ??= (policy, i);
            else if (string.Equals(policy.Target.Subset, node.Subset?.Name, StringComparison.Ordinal)) return (policy, i);
        }
        return whole;
    }
}

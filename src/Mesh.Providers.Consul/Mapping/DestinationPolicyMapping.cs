using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// Destination policies: the load balancer goes to the callee's <c>ServiceResolver</c>, connection pools and outlier detection
/// to its callers (<see cref="UpstreamMapping"/>). Consul sets both per service: a policy of one subset is not written.
/// </summary>
internal static class DestinationPolicyMapping
{
    public static void ToConsul(ConsulExportContext ctx)
    {
        var policies = ctx.Config.DestinationPolicies;
        for (var i = 0; i < policies.Count; i++)
        {
            var policy = policies[i];
            if (policy.Target.Subset is not null)
            {
                ctx.UnsupportedOnce($"$.spec.destinationPolicies[{i}].target.subset", "Consul sets load balancing, limits and health checks per service, not per subset: the policy is not written.");
                continue;
            }
            if (policy.Target.Port is not null)
            {
                ctx.Unsupported($"$.spec.destinationPolicies[{i}].target.port", "Consul sets load balancing, limits and health checks per upstream service, not per port: the policy is not written.");
                continue;
            }
            if (policy.RateLimit is { } limit) RateLimitMapping.ToConsul(limit, policy.Target.Service, $"$.spec.destinationPolicies[{i}].rateLimit", ctx);
            if (policy.Tls is not null) ctx.Unsupported($"$.spec.destinationPolicies[{i}].tls", "TLS origination is a terminating gateway's setting in Consul (caFile, certFile, keyFile, sni per linked service), which this translation does not write; the TLS settings are not written.");
            if (policy.LoadBalancer is { } lb && LoadBalancerMapping.ToConsul(lb, $"$.spec.destinationPolicies[{i}].loadBalancer", ctx) is { } consul)
            {
                ctx.ResolverOf(policy.Target.Service).Spec.LoadBalancer = consul;
            }
            UpstreamMapping.ToConsul(policy, i, ctx);
        }
    }
}

using Mesh.Model;
using Mesh.Providers.Consul.Resources;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// A load balancer → <c>ServiceResolver.loadBalancer</c>: round robin, least request and random by policy; a consistent hash
/// is <c>ring_hash</c> with one hash policy (a header, cookie or query parameter by <c>field</c>/<c>fieldValue</c>, or
/// <c>sourceIP</c>).
/// </summary>
internal static partial class LoadBalancerMapping
{
    public static ConsulLoadBalancer ToConsul(LoadBalancer lb) => lb.Algorithm switch
    {
        LoadBalancerAlgorithm.RoundRobin => new ConsulLoadBalancer { Policy = "round_robin" },
        LoadBalancerAlgorithm.LeastRequest => new ConsulLoadBalancer { Policy = "least_request" },
        LoadBalancerAlgorithm.Random => new ConsulLoadBalancer { Policy = "random" },
        _ => new ConsulLoadBalancer { Policy = "ring_hash", HashPolicies = lb.ConsistentHash is { } hash ? [Hash(hash)] : null },
    };

    private static HashPolicy Hash(ConsistentHash hash) => hash.Key switch
    {
        HashKey.Header => new HashPolicy { Field = "header", FieldValue = hash.Name },
        HashKey.Cookie => new HashPolicy { Field = "cookie", FieldValue = hash.Name },
        HashKey.QueryParameter => new HashPolicy { Field = "query_parameter", FieldValue = hash.Name },
        _ => new HashPolicy { SourceIP = true },
    };
}

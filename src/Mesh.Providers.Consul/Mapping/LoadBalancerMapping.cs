using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// A load balancer → <c>ServiceResolver.loadBalancer</c>: round robin, least request and random by policy; a consistent hash
/// is <c>ring_hash</c> (with <c>ringHashConfig.minimumRingSize</c>) or <c>maglev</c> with one hash policy (a header, cookie
/// — with <c>cookieConfig</c> ttl, session and path — or query parameter by <c>field</c>/<c>fieldValue</c>, or <c>sourceIP</c>).
/// Locality-aware balancing and warm-up have no Consul setting and are reported.
/// </summary>
internal static partial class LoadBalancerMapping
{
    public static ConsulLoadBalancer? ToConsul(LoadBalancer lb, string path, ConsulExportContext ctx)
    {
        if (lb.Locality is not null) ctx.Unsupported($"{path}.locality", "Consul's service resolver fails over between datacenters and targets, not by locality; locality-aware balancing is not written.");
        if (lb.Warmup is not null) ctx.Unsupported($"{path}.warmup", "Consul has no slow-start setting; the warm-up is not written.");
        return lb.Algorithm switch
        {
            LoadBalancerAlgorithm.RoundRobin => new ConsulLoadBalancer { Policy = "round_robin" },
            LoadBalancerAlgorithm.LeastRequest => new ConsulLoadBalancer { Policy = "least_request" },
            LoadBalancerAlgorithm.Random => new ConsulLoadBalancer { Policy = "random" },
            LoadBalancerAlgorithm.Default => null,
            _ => Hashed(lb.ConsistentHash, path, ctx),
        };
    }

    private static ConsulLoadBalancer Hashed(ConsistentHash? hash, string path, ConsulExportContext ctx)
    {
        if (hash?.Ring is { Kind: HashRingKind.Maglev, Size: not null })
        {
            ctx.Approximated($"{path}.consistentHash.maglev.tableSize", "Consul's maglev policy has no table size: Envoy's default (65537) is used.");
        }
        return new ConsulLoadBalancer
        {
            Policy = hash?.Ring?.Kind == HashRingKind.Maglev ? "maglev" : "ring_hash",
            RingHashConfig = hash?.Ring is { Kind: HashRingKind.RingHash, Size: { } size } ? new RingHashConfig { MinimumRingSize = (int)Math.Min(size, int.MaxValue) } : null,
            HashPolicies = hash is null ? null : [Hash(hash)],
        };
    }

    private static HashPolicy Hash(ConsistentHash hash) => hash.Key switch
    {
        HashKey.Header => new HashPolicy { Field = "header", FieldValue = hash.Name },
        HashKey.Cookie => new HashPolicy { Field = "cookie", FieldValue = hash.Name, CookieConfig = Cookie(hash) },
        HashKey.QueryParameter => new HashPolicy { Field = "query_parameter", FieldValue = hash.Name },
        _ => new HashPolicy { SourceIP = true },
    };

    // A zero ttl is a session cookie, which Consul spells session: true (it takes no ttl then).
    private static CookieConfig? Cookie(ConsistentHash hash) => hash is { CookieTtl: null, CookiePath: null } ? null : new CookieConfig
    {
        Session = hash.CookieTtl == TimeSpan.Zero ? true : null,
        Ttl = hash.CookieTtl is { } ttl && ttl > TimeSpan.Zero ? GoDuration.Format(ttl) : null,
        Path = hash.CookiePath,
    };
}

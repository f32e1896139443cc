using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// <c>ServiceResolver.loadBalancer</c> → a destination policy of the service with its load balancer: round_robin, least_request,
/// random; ring_hash (with its minimum ring size) and maglev as a consistent hash on the first hash policy (header, cookie
/// with its generated cookie's ttl and path, query parameter or source IP). Maximum ring sizes, choice counts and further
/// hash policies are reported.
/// </summary>
internal static partial class LoadBalancerMapping
{
    public static List<DestinationPolicy> ToModel(ConsulImportIndex index, ImportContext ctx)
    {
        var result = new List<DestinationPolicy>();
        foreach (var (key, doc) in index.Resolvers)
        {
            if (doc.Resource.Spec?.LoadBalancer is not { } lb) continue;
            const string path = "$.spec.loadBalancer";
            if (lb.RingHashConfig?.MaximumRingSize is not null) ctx.NotImported(doc.Source, path + ".ringHashConfig.maximumRingSize", "The model has no maximum ring size: it is not carried.");
            if (lb.RingHashConfig?.MinimumRingSize is not null && lb.Policy != "ring_hash") ctx.NotImported(doc.Source, path + ".ringHashConfig.minimumRingSize", "A ring size applies to the ring_hash policy only: it is not carried.");
            if (lb.LeastRequestConfig is not null) ctx.NotImported(doc.Source, path + ".leastRequestConfig", "The model has no choice count: it is not carried.");
            LoadBalancer? balancer = lb.Policy switch
            {
                null or "" or "round_robin" => LoadBalancer.RoundRobin,
                "least_request" => LoadBalancer.LeastRequest,
                "random" => LoadBalancer.Random,
                "ring_hash" or "maglev" => new LoadBalancer(LoadBalancerAlgorithm.ConsistentHash, Ring(Hash(lb.HashPolicies, doc.Source, path, ctx), lb, doc.Source, path, ctx)),
                _ => null,
            };
            if (balancer is null)
            {
                ctx.Invalid(doc.Source, path + ".policy", $"Consul's load balancer policies are round_robin, least_request, random, ring_hash and maglev, not '{lb.Policy}'.");
                continue;
            }
            result.Add(new DestinationPolicy { Target = new PolicyTarget { Service = new ServiceRef(key.Name, key.Namespace) }, LoadBalancer = balancer });
        }
        return result;
    }

    private static ConsistentHash? Hash(List<Resources.HashPolicy>? policies, string source, string path, ImportContext ctx)
    {
        if (policies is not { Count: > 0 }) return null;
        if (policies.Count > 1) ctx.NotImported(source, path + ".hashPolicies", "The model hashes on one key: only the first hash policy is carried.");
        var p = policies[0];
        if (p.Terminal is not null) ctx.NotImported(source, path + ".hashPolicies[0].terminal", "The model has no terminal hash policy: it is not carried.");
        if (p.SourceIP == true) return ConsistentHash.SourceIp;
        return p.Field switch
        {
            "header" => new ConsistentHash(HashKey.Header, p.FieldValue),
            "cookie" => Cookie(new ConsistentHash(HashKey.Cookie, p.FieldValue), p.CookieConfig, source, path + ".hashPolicies[0].cookieConfig", ctx),
            "query_parameter" => new ConsistentHash(HashKey.QueryParameter, p.FieldValue),
            _ => null,
        };
    }

    private static ConsistentHash? Ring(ConsistentHash? hash, Resources.ConsulLoadBalancer lb, string source, string path, ImportContext ctx)
    {
        if (hash is null) return null;
        if (lb.Policy == "maglev") return hash with { Ring = new HashRing(HashRingKind.Maglev) };
        if (lb.RingHashConfig?.MinimumRingSize is not { } size) return hash;
        var ring = new HashRing(HashRingKind.RingHash, size < 1 ? 0 : (ulong)size);
        if (!ring.HasValidSize)
        {
            ctx.Invalid(source, path + ".ringHashConfig.minimumRingSize", $"A ring has 1 to {HashRing.MaxRingHashSize} virtual nodes, not {size}; it is not carried.");
            return hash;
        }
        return hash with { Ring = ring };
    }

    private static ConsistentHash Cookie(ConsistentHash hash, Resources.CookieConfig? config, string source, string path, ImportContext ctx)
    {
        if (config is null) return hash;
        TimeSpan? ttl = null;
        if (config.Session == true)
        {
            if (config.Ttl is not null) ctx.Invalid(source, path + ".ttl", "A session cookie takes no ttl: the ttl is not carried.");
            ttl = TimeSpan.Zero;
        }
        else if (config.Ttl is { } text)
        {
            if (GoDuration.TryParse(text, out var value) && value >= TimeSpan.Zero) ttl = value;
            else ctx.Invalid(source, path + ".ttl", $"'{text}' is not a duration: it is not carried.");
        }
        var cookiePath = config.Path;
        if (cookiePath is not null && (!cookiePath.StartsWith('/') || cookiePath.Any(c => char.IsWhiteSpace(c) || c == ';')))
        {
            ctx.Invalid(source, path + ".path", $"The cookie path '{cookiePath}' must start with '/' and hold no spaces or ';': it is not carried.");
            cookiePath = null;
        }
        return hash with { CookieTtl = ttl, CookiePath = cookiePath };
    }
}

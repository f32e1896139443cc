using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// <c>ServiceResolver.loadBalancer</c> → a destination policy of the service with its load balancer: round_robin, least_request,
/// random; ring_hash and maglev as a consistent hash on the first hash policy (header, cookie, query parameter or source IP).
/// Ring sizes, choice counts and further hash policies are reported.
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
            if (lb.RingHashConfig is not null) ctx.NotImported(doc.Source, path + ".ringHashConfig", "The model has no ring size: it is not carried.");
            if (lb.LeastRequestConfig is not null) ctx.NotImported(doc.Source, path + ".leastRequestConfig", "The model has no choice count: it is not carried.");
            LoadBalancer? balancer = lb.Policy switch
            {
                null or "" or "round_robin" => LoadBalancer.RoundRobin,
                "least_request" => LoadBalancer.LeastRequest,
                "random" => LoadBalancer.Random,
                "ring_hash" or "maglev" => new LoadBalancer(LoadBalancerAlgorithm.ConsistentHash, Hash(lb.HashPolicies, doc.Source, path, ctx)),
                _ => null,
            };
            if (balancer is null)
            {
                ctx.Invalid(doc.Source, path + ".policy", $"Consul's load balancer policies are round_robin, least_request, random, ring_hash and maglev, not '{lb.Policy}'.");
                continue;
            }
            if (lb.Policy == "maglev") ctx.NotImportedInfo(doc.Source, path + ".policy", "maglev is read as a consistent hash (the model does not name the hashing algorithm).");
            result.Add(new DestinationPolicy { Target = new PolicyTarget { Service = new ServiceRef(key.Name, key.Namespace) }, LoadBalancer = balancer });
        }
        return result;
    }

    private static ConsistentHash? Hash(List<Resources.HashPolicy>? policies, string source, string path, ImportContext ctx)
    {
        if (policies is not { Count: > 0 }) return null;
        if (policies.Count > 1) ctx.NotImported(source, path + ".hashPolicies", "The model hashes on one key: only the first hash policy is carried.");
        var p = policies[0];
        if (p.CookieConfig is not null) ctx.NotImported(source, path + ".hashPolicies[0].cookieConfig", "The model has no cookie settings: they are not carried.");
        if (p.Terminal is not null) ctx.NotImported(source, path + ".hashPolicies[0].terminal", "The model has no terminal hash policy: it is not carried.");
        if (p.SourceIP == true) return ConsistentHash.SourceIp;
        return p.Field switch
        {
            "header" => new ConsistentHash(HashKey.Header, p.FieldValue),
            "cookie" => new ConsistentHash(HashKey.Cookie, p.FieldValue),
            "query_parameter" => new ConsistentHash(HashKey.QueryParameter, p.FieldValue),
            _ => null,
        };
    }
}

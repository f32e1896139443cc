using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// Load balancers ↔ <c>loadBalancer</c>: <c>simple</c> (ROUND_ROBIN, LEAST_REQUEST, RANDOM; LEAST_CONN read as least request)
/// or <c>consistentHash</c> on one key (header, cookie, query parameter, source IP).
/// </summary>
internal static class LoadBalancerMapping
{
    /// <summary>The load balancer of the destination policy at <paramref name="policyPath"/>; null for a consistent hash without a key.</summary>
    public static LoadBalancerSettings? ToIstio(Model.LoadBalancer lb, string policyPath, IstioExportContext ctx) => lb.Algorithm switch
    {
        LoadBalancerAlgorithm.RoundRobin => new LoadBalancerSettings { Simple = "ROUND_ROBIN" },
        LoadBalancerAlgorithm.LeastRequest => new LoadBalancerSettings { Simple = "LEAST_REQUEST" },
        LoadBalancerAlgorithm.Random => new LoadBalancerSettings { Simple = "RANDOM" },
        _ => HashToIstio(lb.ConsistentHash, $"{policyPath}.loadBalancer", ctx),
    };

    private static LoadBalancerSettings? HashToIstio(Model.ConsistentHash? hash, string path, IstioExportContext ctx)
    {
        if (hash is null)
        {
            ctx.Unsupported($"{path}.consistentHash", "A consistent-hash load balancer needs a hash key; none is set, so no load balancer is written.");
            return null;
        }
        var settings = hash.Key switch
        {
            HashKey.Header => new ConsistentHashLB { HttpHeaderName = hash.Name },
            HashKey.Cookie => new ConsistentHashLB { HttpCookie = new HttpCookie { Name = hash.Name } },
            HashKey.QueryParameter => new ConsistentHashLB { HttpQueryParameterName = hash.Name },
            _ => new ConsistentHashLB { UseSourceIp = true },
        };
        return new LoadBalancerSettings { ConsistentHash = settings };
    }

    public static Model.LoadBalancer? ToModel(LoadBalancerSettings lb, string source, string path, IstioImportContext ctx)
    {
        if (lb.ConsistentHash is { } hash)
        {
            if (lb.Simple is not null) ctx.NotImported(source, $"{path}.simple", "Istio takes one of simple and consistentHash; the consistent hash was imported.");
            var keys = new List<(string Field, Model.ConsistentHash Key)>();
            if (hash.HttpHeaderName is { } header) keys.Add(("httpHeaderName", Model.ConsistentHash.Header(header)));
            if (hash.HttpCookie is { Name: { } cookie }) keys.Add(("httpCookie", Model.ConsistentHash.Cookie(cookie)));
            if (hash.UseSourceIp is true) keys.Add(("useSourceIp", Model.ConsistentHash.SourceIp));
            if (hash.HttpQueryParameterName is { } query) keys.Add(("httpQueryParameterName", Model.ConsistentHash.QueryParameter(query)));
            if (keys.Count == 0)
            {
                ctx.NotImported(source, $"{path}.consistentHash", "The consistent hash has no hash key the model knows; it was not imported.");
                return null;
            }
            foreach (var (field, _) in keys.Skip(1)) ctx.NotImported(source, $"{path}.consistentHash.{field}", "A consistent hash has one key; only the first was imported.");
            return Model.LoadBalancer.HashOn(keys[0].Key);
        }
        switch (lb.Simple)
        {
            case null:
                return null;
            case "ROUND_ROBIN":
                return Model.LoadBalancer.RoundRobin;
            case "LEAST_REQUEST":
                return Model.LoadBalancer.LeastRequest;
            case "RANDOM":
                return Model.LoadBalancer.Random;
            case "LEAST_CONN":
                ctx.Legacy(source, $"{path}.simple", "LEAST_CONN is the deprecated name of LEAST_REQUEST; it was read as least request.");
                return Model.LoadBalancer.LeastRequest;
            case "UNSPECIFIED":
                ctx.NotImportedInfo(source, $"{path}.simple", "UNSPECIFIED is the mesh's default load balancer; the model leaves it unset.");
                return null;
            case "PASSTHROUGH":
                ctx.NotImported(source, $"{path}.simple", "PASSTHROUGH (forward to the original destination) is not a model load balancer; it was not imported.");
                return null;
            default:
                ctx.Invalid(source, $"{path}.simple", $"'{lb.Simple}' is not a load balancer (ROUND_ROBIN, LEAST_REQUEST, RANDOM, PASSTHROUGH, LEAST_CONN, UNSPECIFIED).");
                return null;
        }
    }
}

using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Istio.Mapping;
using Mesh.Providers.Istio.Resources;
using Model = Mesh.Model;

namespace Mesh.Providers.Istio.Export;

/// <summary>Services' subsets and destination policies → <c>DestinationRule</c>s (one per host, named after the service).</summary>
internal static class PolicyExporter
{
    public static IEnumerable<DestinationRule> DestinationRules(MeshConfig config, IstioExportContext ctx)
    {
        var byService = new SortedDictionary<string, (ServiceRef Ref, DestinationRule Rule)>(StringComparer.Ordinal);
        DestinationRule RuleFor(ServiceRef service)
        {
            var key = service.Namespace + "/" + service.Name;
            if (!byService.TryGetValue(key, out var entry))
            {
                entry = (service, new DestinationRule
                {
                    Metadata = { Name = service.Name, NamespaceProperty = service.Namespace },
                    Spec = { Host = ctx.Fqdn(service) },
                });
                byService[key] = entry;
            }
            return entry.Rule;
        }

        for (var i = 0; i < config.Services.Count; i++)
        {
            var service = config.Services[i];
            if (!service.Ports.IsEmpty)
            {
                ctx.Note($"$.spec.services[{i}].ports", "Istio reads service ports from the Kubernetes Service, which this provider does not write.");
            }
            if (service.Subsets.IsEmpty) continue;
            var rule = RuleFor(service.Reference);
            rule.Spec.Subsets = [.. service.Subsets.Select(s => new Resources.Subset { Name = s.Name, Labels = Lists.OrNull(s.Labels) })];
        }

        var seen = new HashSet<(ServiceRef, string?)>();
        for (var i = 0; i < config.DestinationPolicies.Count; i++)
        {
            var policy = config.DestinationPolicies[i];
            var path = $"$.spec.destinationPolicies[{i}]";
            if (!seen.Add((policy.Target.Service, policy.Target.Subset)))
            {
                ctx.Unsupported(path, "A second destination policy for the same target is not written: Istio keeps one traffic policy per host or subset.");
                continue;
            }
            if (policy is { LoadBalancer: null, OutlierDetection: null } && (policy.ConnectionPool is null || policy.ConnectionPool == new Model.ConnectionPool()))
            {
                ctx.Note(path, "The policy sets nothing (all defaults); no traffic policy is written for it.");
                continue;
            }
            var rule = RuleFor(policy.Target.Service);
            var traffic = Traffic(policy, path, ctx);
            if (policy.Target.Subset is not { } subsetName)
            {
                rule.Spec.TrafficPolicy = traffic;
                continue;
            }
            rule.Spec.Subsets ??= [];
            var subset = rule.Spec.Subsets.Find(s => s.Name == subsetName);
            if (subset is null)
            {
                subset = new Resources.Subset { Name = subsetName };
                rule.Spec.Subsets.Add(subset);
            }
            subset.TrafficPolicy = traffic;
        }
        return byService.Values.Select(v => v.Rule);
    }

    private static TrafficPolicy Traffic(DestinationPolicy policy, string path, IstioExportContext ctx)
    {
        var result = new TrafficPolicy();
        if (policy.LoadBalancer is { } lb)
        {
            result.LoadBalancer = lb.Algorithm switch
            {
                LoadBalancerAlgorithm.RoundRobin => new LoadBalancerSettings { Simple = "ROUND_ROBIN" },
                LoadBalancerAlgorithm.LeastRequest => new LoadBalancerSettings { Simple = "LEAST_REQUEST" },
                LoadBalancerAlgorithm.Random => new LoadBalancerSettings { Simple = "RANDOM" },
                _ => Hash(lb.ConsistentHash, $"{path}.loadBalancer", ctx),
            };
        }
        if (policy.ConnectionPool is { } pool && pool != new Model.ConnectionPool())
        {
            var tcp = new TcpSettings
            {
                MaxConnections = pool.MaxConnections,
                ConnectTimeout = pool.ConnectTimeout is { } t ? GoDuration.Format(t) : null,
            };
            var http = new HttpSettings
            {
                Http1MaxPendingRequests = pool.MaxPendingRequests,
                Http2MaxRequests = pool.MaxRequests,
                MaxRequestsPerConnection = pool.MaxRequestsPerConnection,
                MaxRetries = pool.MaxRetries,
            };
            result.ConnectionPool = new ConnectionPoolSettings
            {
                Tcp = tcp.MaxConnections is null && tcp.ConnectTimeout is null ? null : tcp,
                Http = http is { Http1MaxPendingRequests: null, Http2MaxRequests: null, MaxRequestsPerConnection: null, MaxRetries: null } ? null : http,
            };
        }
        if (policy.OutlierDetection is { } od)
        {
            result.OutlierDetection = new Resources.OutlierDetection
            {
                Consecutive5xxErrors = od.Consecutive5xx,
                ConsecutiveGatewayErrors = od.ConsecutiveGatewayErrors,
                Interval = od.Interval is { } i ? GoDuration.Format(i) : null,
                BaseEjectionTime = od.BaseEjectionTime is { } b ? GoDuration.Format(b) : null,
                MaxEjectionPercent = od.MaxEjectionPercent,
            };
        }
        return result;
    }

    private static LoadBalancerSettings? Hash(ConsistentHash? hash, string path, IstioExportContext ctx)
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
}

using k8s.Models;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Osm.Resources;
using Mesh.Providers.Osm.Translation;

namespace Mesh.Providers.Osm.Mapping;

/// <summary>
/// Destination policies → <c>UpstreamTrafficSetting</c>s: the connection pool as <c>connectionSettings</c>, on the host of the
/// target's Service — a subset's leaf Service, when a route splits to it; an external service's (first) host —, in that Service's namespace and named after it
/// (annotated <see cref="OsmAnnotations.Target"/>). Load balancing and outlier detection have no OSM v1.2 field and are reported.
/// </summary>
internal static partial class UpstreamTrafficSettingMapping
{
    public static List<UpstreamTrafficSetting> ToOsm(OsmExportContext ctx)
    {
        var settings = new List<UpstreamTrafficSetting>();
        var policies = ctx.Config.DestinationPolicies;
        for (var i = 0; i < policies.Count; i++)
        {
            var policy = policies[i];
            var path = $"$.spec.destinationPolicies[{i}]";
            if (policy.Target.Port is not null)
            {
                ctx.Unsupported($"{path}.target.port", "An UpstreamTrafficSetting applies to every port of its host; the port's policy is not written.");
                continue;
            }
            if (policy.Tls is not null) ctx.Unsupported($"{path}.tls", "OSM originates only its own mTLS; TLS origination settings are not written.");
            if (policy.LoadBalancer is not null) ctx.Unsupported($"{path}.loadBalancer", "OSM has no load-balancer setting.");
            if (policy.OutlierDetection is not null) ctx.Unsupported($"{path}.outlierDetection", "UpstreamTrafficSetting has no outlier detection in OSM v1.2.4.");
            var pool = policy.ConnectionPool;
            if (pool is not null)
            {
                if (pool.IdleTimeout is not null) ctx.Unsupported($"{path}.connectionPool.idleTimeout", "UpstreamTrafficSetting has no idle timeout.");
                if (pool.MaxConcurrentStreams is not null) ctx.Unsupported($"{path}.connectionPool.maxConcurrentStreams", "UpstreamTrafficSetting has no HTTP/2 stream limit.");
                if (pool.Http2Upgrade is not null) ctx.Unsupported($"{path}.connectionPool.http2Upgrade", "OSM has no HTTP/2 upgrade setting.");
                pool = pool with { IdleTimeout = null, MaxConcurrentStreams = null, Http2Upgrade = null };
                if (pool == new ConnectionPool()) pool = null;
            }
            if (pool is null && policy.RateLimit is null) continue;
            var target = policy.Target;
            if (ctx.FindService(target.Service) is null && ctx.Config.ExternalServices.FirstOrDefault(e => e.Name == target.Service.Name && e.Namespace == target.Service.Namespace) is { } external)
            {
                // The validator keeps rate limits off external services (no proxy of the mesh serves them).
                if (pool is not null) settings.Add(Ownership.From(External(external, pool, path, ctx), ModelObjectNames.Of(policy)));
                continue;
            }
            if (target.Subset is { } subset)
            {
                if (!ctx.Leaves.HasLeaf(target.Service, subset))
                {
                    ctx.Unsupported($"{path}.target.subset", "An UpstreamTrafficSetting names a Service: the subset has no leaf Service (no route splits to it, or ServiceOutput is None), so its connection pool and rate limit are not written.");
                    continue;
                }
                ctx.Approximated($"{path}.target.subset", "Written on the subset's leaf Service: it applies to the traffic a TrafficSplit sends there.");
            }
            var host = ctx.Leaves.Target(target.Service, target.Subset);
            settings.Add(Ownership.From(new UpstreamTrafficSetting
            {
                Metadata = new V1ObjectMeta
                {
                    Name = host.Name,
                    NamespaceProperty = host.Namespace,
                    Annotations = new Dictionary<string, string>(StringComparer.Ordinal) { [OsmAnnotations.Target] = target.Subset is null ? target.Service.Name : $"{target.Service.Name}/{target.Subset}" },
                },
                Spec = Spec(ctx.Fqdn(host), pool, policy.RateLimit, $"{path}.rateLimit", ctx),
            }, ModelObjectNames.Of(policy)));
        }
        return settings;
    }

    /// <summary>The setting of an external service: OSM's host is then the egress host (its first; the others are reported).</summary>
    private static UpstreamTrafficSetting External(ExternalService external, ConnectionPool pool, string path, OsmExportContext ctx)
    {
        if (external.Hosts.Count > 1)
        {
            ctx.Approximated($"{path}.target", $"An UpstreamTrafficSetting has one host: the connection pool is written for {external.Hosts[0]}, not for the external service's other hosts.");
        }
        return new UpstreamTrafficSetting
        {
            Metadata = new V1ObjectMeta
            {
                Name = external.Name,
                NamespaceProperty = external.Namespace,
                Annotations = new Dictionary<string, string>(StringComparer.Ordinal) { [OsmAnnotations.Target] = external.Name },
            },
            Spec = new UpstreamTrafficSettingSpec { Host = external.Hosts[0], ConnectionSettings = Settings(pool) },
        };
    }

    private static UpstreamTrafficSettingSpec Spec(string host, ConnectionPool? pool, LocalRateLimit? rateLimit, string path, OsmExportContext ctx)
    {
        var spec = new UpstreamTrafficSettingSpec { Host = host, ConnectionSettings = pool is null ? null : Settings(pool) };
        if (rateLimit is not null) RateLimitMapping.ToOsm(rateLimit, spec, path, ctx);
        return spec;
    }

    private static ConnectionSettings Settings(ConnectionPool pool) => new()
    {
        Tcp = pool.MaxConnections is null && pool.ConnectTimeout is null ? null : new TcpConnectionSettings
        {
            MaxConnections = pool.MaxConnections,
            ConnectTimeout = pool.ConnectTimeout is { } timeout ? GoDuration.Format(timeout) : null,
        },
        Http = pool.MaxRequests is null && pool.MaxRequestsPerConnection is null && pool.MaxPendingRequests is null && pool.MaxRetries is null ? null : new HttpConnectionSettings
        {
            MaxRequests = pool.MaxRequests,
            MaxRequestsPerConnection = pool.MaxRequestsPerConnection,
            MaxPendingRequests = pool.MaxPendingRequests,
            MaxRetries = pool.MaxRetries,
        },
    };
}

using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Osm.Resources;
using Mesh.Providers.Osm.Translation;

namespace Mesh.Providers.Osm.Mapping;

/// <summary>
/// UpstreamTrafficSettings → destination policies: <c>connectionSettings</c> as the connection pool of the Service <c>spec.host</c>
/// names (a leaf Service's becomes its subset's when the translator shell folds the leaf), or of the external service (Egress) whose
/// host it is; <c>rateLimit.local.http</c> and <c>httpRoutes</c> as its rate limit (<see cref="RateLimitMapping"/>). Two settings for one host are undefined in OSM: the first in namespace/name order is kept, the other reported.
/// </summary>
internal static partial class UpstreamTrafficSettingMapping
{
    /// <summary>The annotation the import reads (the host names the same target; the annotation is the export's record of it).</summary>
    public static readonly IReadOnlySet<string> Carried = new HashSet<string>(StringComparer.Ordinal) { OsmAnnotations.Target };

    public static List<DestinationPolicy> ToModel(ImportIndex index, string clusterDomain, IReadOnlyList<ExternalService> externals, ImportContext ctx)
    {
        var policies = new List<DestinationPolicy>();
        var byHost = new Dictionary<ServiceRef, ImportDocument<UpstreamTrafficSetting>>();
        foreach (var doc in index.Settings.Values)
        {
            ctx.ReportMetadata(doc.Resource.Metadata, doc.Source, Carried);
            if (doc.Resource.Spec is not { } spec)
            {
                ctx.Invalid(doc.Source, "$.spec", "An UpstreamTrafficSetting needs a spec with a host.");
                continue;
            }
            // OSM's host is a Service's FQDN or an egress host: an external service of the input holding it is the target.
            var external = externals.FirstOrDefault(e => spec.Host is { } h && e.Hosts.Any(x => string.Equals(x, h, StringComparison.OrdinalIgnoreCase)));
            if ((external is null ? HostNames.Parse(spec.Host, doc.Namespace, clusterDomain) : new ServiceRef(external.Name, external.Namespace)) is not { } host)
            {
                if (spec.Host is null) ctx.Invalid(doc.Source, "$.spec.host", "An UpstreamTrafficSetting needs a host.");
                else ctx.NotImported(doc.Source, "$.spec", $"'{spec.Host}' names no Service (name, name.namespace or the cluster FQDN) and no host of an Egress of the input: the setting is not imported.");
                continue;
            }
            LocalRateLimit? rateLimit = null;
            if (external is not null && (spec.RateLimit is not null || spec.HttpRoutes is not null))
            {
                ctx.NotImported(doc.Source, spec.RateLimit is not null ? "$.spec.rateLimit" : "$.spec.httpRoutes", "A rate limit is enforced by the destination's own proxies, which an egress host outside the mesh does not have: not imported.");
            }
            else
            {
                rateLimit = RateLimitMapping.ToModel(spec, doc.Source, ctx);
            }
            var pool = Pool(doc, spec.ConnectionSettings, ctx);
            if (pool is null && rateLimit is null)
            {
                ctx.NotImported(doc.Source, "$.spec.host", "The setting has no connection settings or rate limit the model holds: no destination policy is imported for this host.");
                continue;
            }
            if (byHost.TryGetValue(host, out var kept))
            {
                ctx.NotImported(doc.Source, "$.spec.connectionSettings", $"UpstreamTrafficSetting {kept.Namespace}/{kept.Name} is for {host} too: OSM leaves two settings of one host undefined, and the model keeps {kept.Namespace}/{kept.Name}'s, the first in namespace/name order; these are not imported.");
                continue;
            }
            byHost[host] = doc;
            policies.Add(new DestinationPolicy { Target = new PolicyTarget { Service = host }, ConnectionPool = pool, RateLimit = rateLimit });
        }
        return policies;
    }

    /// <summary>The connection pool, or null when the settings set nothing.</summary>
    private static ConnectionPool? Pool(ImportDocument<UpstreamTrafficSetting> doc, ConnectionSettings? settings, ImportContext ctx)
    {
        if (settings is null) return null;
        TimeSpan? connectTimeout = null;
        if (settings.Tcp?.ConnectTimeout is { } text)
        {
            if (GoDuration.TryParse(text, out var value) && value > TimeSpan.Zero) connectTimeout = value;
            else ctx.NotImported(doc.Source, "$.spec.connectionSettings.tcp.connectTimeout", $"'{text}' is not a positive duration; it is not imported.");
        }
        int? Count(int? value, string path, int minimum = 1)
        {
            if (value is null || value >= minimum) return value;
            ctx.NotImported(doc.Source, path, $"{value} is below the model's minimum, {minimum}; it is not imported.");
            return null;
        }
        var pool = new ConnectionPool
        {
            MaxConnections = Count(settings.Tcp?.MaxConnections, "$.spec.connectionSettings.tcp.maxConnections"),
            ConnectTimeout = connectTimeout,
            MaxRequests = Count(settings.Http?.MaxRequests, "$.spec.connectionSettings.http.maxRequests"),
            MaxRequestsPerConnection = Count(settings.Http?.MaxRequestsPerConnection, "$.spec.connectionSettings.http.maxRequestsPerConnection"),
            MaxPendingRequests = Count(settings.Http?.MaxPendingRequests, "$.spec.connectionSettings.http.maxPendingRequests"),
            MaxRetries = Count(settings.Http?.MaxRetries, "$.spec.connectionSettings.http.maxRetries", minimum: 0),
        };
        return pool == new ConnectionPool() ? null : pool;
    }
}

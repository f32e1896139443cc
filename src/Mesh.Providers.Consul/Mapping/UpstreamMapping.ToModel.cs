using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// Caller-side <c>upstreamConfig.overrides[]</c> → one destination policy per upstream (connection pool and outlier detection of
/// the callee), when every caller that overrides it agrees (the export writes the same override on each admitted caller);
/// callers that disagree are reported and no policy is read for that upstream. <c>upstreamConfig.defaults</c> apply to every
/// upstream of one caller, which the model cannot say: reported.
/// </summary>
internal static partial class UpstreamMapping
{
    public static List<DestinationPolicy> ToModel(ConsulImportIndex index, ImportContext ctx)
    {
        var byUpstream = new SortedDictionary<(string Namespace, string Name), List<(DestinationPolicy Policy, string Source, string Path)>>(OrdinalKeyComparer.Instance);
        foreach (var doc in index.Defaults.Values)
        {
            if (doc.Resource.Spec?.UpstreamConfig is not { } config) continue;
            if (config.Defaults is not null) ctx.NotImported(doc.Source, "$.spec.upstreamConfig.defaults", "Defaults for every upstream of one caller have no model form (the model sets limits on the callee): not imported.");
            var overrides = config.Overrides ?? [];
            for (var i = 0; i < overrides.Count; i++)
            {
                var o = overrides[i];
                var path = $"$.spec.upstreamConfig.overrides[{i}]";
                if (o.Name is not { Length: > 0 } name)
                {
                    ctx.Invalid(doc.Source, path + ".name", "An upstream override needs the upstream's name.");
                    continue;
                }
                if (o.Peer is not null || o.Partition is not null) { ctx.NotImported(doc.Source, path, "Upstreams of other peers or partitions are outside the model: not imported."); continue; }
                if (o.Protocol is not null) ctx.NotImported(doc.Source, path + ".protocol", "The upstream's protocol is the callee's (its ServiceDefaults): not carried.");
                if (o.MeshGateway is not null) ctx.NotImported(doc.Source, path + ".meshGateway", "The model has no mesh gateways: not carried.");
                if (o.EnvoyListenerJson is not null || o.EnvoyClusterJson is not null) ctx.NotImported(doc.Source, path, "Escape-hatch Envoy JSON is not carried.");
                if (o.PassiveHealthCheck?.EnforcingConsecutive5xx is not null) ctx.NotImported(doc.Source, path + ".passiveHealthCheck.enforcingConsecutive5xx", "The model has no enforcement percentage: not carried.");
                var ns = index.NamespaceOf(o.Namespace, doc.Namespace, doc.Source, path + ".namespace", ctx);
                ConnectionPool? pool = null;
                if (o.Limits is not null || o.ConnectTimeoutMs is not null)
                {
                    pool = new ConnectionPool
                    {
                        MaxConnections = o.Limits?.MaxConnections,
                        MaxPendingRequests = o.Limits?.MaxPendingRequests,
                        MaxRequests = o.Limits?.MaxConcurrentRequests,
                        ConnectTimeout = o.ConnectTimeoutMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
                    };
                }
                OutlierDetection? outlier = null;
                if (o.PassiveHealthCheck is { } h)
                {
                    TimeSpan? interval = null, ejection = null;
                    if (h.Interval is { } it) { if (GoDuration.TryParse(it, out var v)) interval = v; else ctx.Invalid(doc.Source, path + ".passiveHealthCheck.interval", $"'{it}' is not a duration."); }
                    if (h.BaseEjectionTime is { } bt) { if (GoDuration.TryParse(bt, out var v)) ejection = v; else ctx.Invalid(doc.Source, path + ".passiveHealthCheck.baseEjectionTime", $"'{bt}' is not a duration."); }
                    outlier = new OutlierDetection { Consecutive5xx = h.MaxFailures, Interval = interval, BaseEjectionTime = ejection, MaxEjectionPercent = h.MaxEjectionPercent };
                }
                if (pool is null && outlier is null)
                {
                    ctx.NotImportedInfo(doc.Source, path + ".name", $"The override of '{name}' sets no limit, timeout or health check the model carries: no destination policy is read from it.");
                    continue;
                }
                if (!byUpstream.TryGetValue((ns, name), out var list)) byUpstream[(ns, name)] = list = [];
                list.Add((new DestinationPolicy { Target = new PolicyTarget { Service = new ServiceRef(name, ns) }, ConnectionPool = pool, OutlierDetection = outlier }, doc.Source, path));
            }
        }
        var result = new List<DestinationPolicy>();
        foreach (var (key, list) in byUpstream)
        {
            if (list.Select(l => l.Policy).Distinct().Count() == 1)
            {
                result.Add(list[0].Policy);
                continue;
            }
            foreach (var (_, source, path) in list)
            {
                ctx.NotImported(source, path, $"The callers of '{key.Name}' override it differently: the model sets one connection pool and outlier detection per service, so none is imported.");
            }
        }
        return result;
    }
}

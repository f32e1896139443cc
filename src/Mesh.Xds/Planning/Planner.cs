using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Xds.Planning;

/// <summary>
/// Resolves a valid <see cref="MeshConfig"/> (one <c>MeshValidator</c> found no error in; <see cref="XdsEncoder.Compile"/>
/// validates first) for one proxy into an <see cref="XdsPlan"/>, collecting diagnostics: clusters, route
/// configurations, listeners (HTTP, then the layer-4 chains of <see cref="OutboundTcpPlanner"/>), the sidecar's inbound side, and what is not encoded, each planned by its own type over
/// one <see cref="PlanContext"/>. It reports only what Envoy needs beyond the model's rules.
/// </summary>
internal static class Planner
{
    public static XdsPlan Plan(MeshConfig config, XdsProxy proxy, XdsEncoderOptions options, List<Diagnostic> diagnostics)
    {
        var context = new PlanContext(config, proxy, options, diagnostics);
        var clusters = ClusterPlanner.Clusters(context);
        var external = ExternalPlanner.Clusters(context, [.. clusters.Select(c => c.Name)]);
        if (OutboundScope.Cluster(context) is { } scope) external.Add(scope);
        RouteConfigPlan[] routeConfigs;
        ListenerPlan[] listeners;
        ClusterPlan[] inboundClusters = [];
        if (context.IsGateway)
        {
            // A gateway proxy: its gateway's listeners and routes, and no inbound side (GatewayPlanner); its TLS and TCP
            // routes send to the clusters planned above.
            (routeConfigs, listeners, var blackHole) = GatewayPlanner.Plan(context, Outbound(clusters, external));
            if (blackHole) external.Add(OutboundScope.BlackHole(context));
            // Its request authentications: the jwt_authn filter on every HTTP connection manager, and the JWKS clusters.
            var (jwt, jwks) = listeners.Any(l => l.Gateway is { } g && g.Chains.Any(c => c.RouteConfigName is not null)) ? JwtPlanner.Plan(context) : (null, []);
            if (jwt is not null) listeners = [.. listeners.Select(l => l.Gateway is { } g ? l with { Gateway = g with { Jwt = jwt } } : l)];
            inboundClusters = jwks;
        }
        else
        {
            routeConfigs = RoutePlanner.RouteConfigs(context);
            listeners = ListenerPlanner.Listeners(context, routeConfigs);
            // The TLS and TCP ports' filter chains, on the HTTP listeners of their ports or on listeners of their own.
            listeners = OutboundTcpPlanner.Listeners(context, listeners, Outbound(clusters, external));
            (inboundClusters, var inboundListener) = InboundPlanner.Inbound(context);
            if (inboundListener is not null) listeners = [.. listeners, inboundListener];
        }
        if (TelemetryPlanner.Telemetry(context) is { } telemetry) listeners = [.. listeners.Select(l => l with { Telemetry = telemetry })];
        external.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        UnencodedFeatures.Report(context);
        OutboundScope.Report(context);
        ClusterPlan[] cds = [.. inboundClusters, .. clusters, .. external];
        Array.Sort(cds, (a, b) => string.CompareOrdinal(a.Name, b.Name));

        var byService = new Dictionary<ServiceRef, List<int>>();
        for (var i = 0; i < clusters.Length; i++) Add(byService, clusters[i].Service, i);
        var byHost = new Dictionary<ServiceRef, List<int>>();
        for (var i = 0; i < routeConfigs.Length; i++)
        {
            foreach (var host in routeConfigs[i].VirtualHosts) Add(byHost, host.Host, i);
        }
        return new XdsPlan
        {
            Proxy = proxy,
            Options = options,
            Clusters = clusters,
            InboundClusters = inboundClusters,
            ExternalClusters = [.. external],
            CdsClusters = cds,
            Hidden = [.. config.Services.Select(s => s.Reference).Where(r => !context.IsVisible(r))],
            RouteConfigs = routeConfigs,
            Listeners = listeners,
            ClustersByService = byService.ToDictionary(p => p.Key, p => p.Value.Distinct().ToArray()),
            RouteConfigsByHost = byHost.ToDictionary(p => p.Key, p => p.Value.Distinct().ToArray()),
        };

        // Every outbound cluster's name, mapped to the service or external service it is for.
        static Dictionary<string, ServiceRef> Outbound(ClusterPlan[] clusters, List<ClusterPlan> external)
        {
            var outbound = new Dictionary<string, ServiceRef>(StringComparer.Ordinal);
            foreach (var cluster in clusters) outbound.TryAdd(cluster.Name, cluster.Service);
            foreach (var cluster in external) outbound.TryAdd(cluster.Name, cluster.Service);
            return outbound;
        }

        static void Add(Dictionary<ServiceRef, List<int>> map, ServiceRef key, int index)
        {
            if (!map.TryGetValue(key, out var list)) map[key] = list = [];
            list.Add(index);
        }
    }
}

using Mesh.Model;

namespace Mesh.Xds.Planning;

/// <summary>
/// Plans a gateway proxy's listeners and route configurations from the model's gateway it runs
/// (<see cref="PlanContext.Gateway"/>) and the gateway routes bound to it. Each port is one listener on
/// <c>0.0.0.0:&lt;port&gt;</c> (<c>0.0.0.0_&lt;port&gt;</c>):
/// <list type="bullet">
/// <item>HTTP: one filter chain with an HttpConnectionManager over RDS, route configuration <c>http.&lt;port&gt;</c> holding
/// a virtual host per host name the port's listeners serve and its routes name (their intersection), with the rules of the
/// routes bound to that listener in model order (planned by <see cref="RoutePlanner.GatewayRules"/>, as mesh routes are);
/// a listener that redirects to HTTPS gets virtual hosts with <c>require_tls: ALL</c> instead.</item>
/// <item>HTTPS and TLS (which may share a port): a filter chain per listener matching its host names as SNI
/// (<c>server_names</c>; none for every host) after the TLS inspector. HTTPS terminates TLS with a
/// <c>DownstreamTlsContext</c> (the certificate by SDS name or as files; mutual TLS requires a client certificate verified
/// against the credential's CA secret or the CA file) and routes over RDS with its own route configuration
/// <c>https.&lt;port&gt;.&lt;listener&gt;</c>, so that SNI and Host agree on the listener.</item>
/// <item>TLS (terminated or passed through): a <c>tcp_proxy</c> filter chain per gateway TLS route bound to the listener
/// (to the gateway, or to the listener by name), matching the SNI names the route and the listener both serve
/// (<c>server_names</c>), to the route's backends (one cluster, or <c>weighted_clusters</c>; resolved as a sidecar's TCP
/// route's, <see cref="OutboundTcpPlanner.Resolve"/>); then the listener's own chain, matching its host names no route
/// took, to <c>BlackHoleCluster</c>, which closes the connection — as Istio's and Gateway API's gateways refuse a
/// connection no route takes. A server name an earlier chain of the port already matches is not matched again (Envoy
/// rejects two chains with the same match): a route's name is reported, a listener's is left to the earlier chain.</item>
/// <item>TCP: one <c>tcp_proxy</c> chain to the backends of the first gateway TCP route bound to the port's listener (a
/// TCP listener has one route: Gateway API's TCPRoute rules and Istio's <c>tcp</c> routes give every connection of a
/// port to one destination, and the validator rejects a second route; another is reported), or to
/// <c>BlackHoleCluster</c> when none is bound.</item>
/// </list>
/// A route whose backend has no cluster (no port to pick, an external service without a resolvable host) is reported, and
/// its connections take the listener's own chain.
/// </summary>
internal static class GatewayPlanner
{
    /// <summary>
    /// The gateway's route configurations and listeners, and whether a chain sends to <c>BlackHoleCluster</c>.
    /// <paramref name="clusters"/> maps every outbound cluster's name to the service or external service it is for.
    /// </summary>
    public static (RouteConfigPlan[] RouteConfigs, ListenerPlan[] Listeners, bool BlackHole) Plan(PlanContext context, Dictionary<string, ServiceRef> clusters)
    {
        var proxy = context.Proxy;
        if (context.Gateway is not { } gateway)
        {
            if (!string.IsNullOrEmpty(proxy.GatewayName) && !string.IsNullOrEmpty(proxy.Namespace))
            {
                context.Error(XdsDiagnosticCodes.InvalidProxy, "$.proxy.gatewayName", $"The proxy runs gateway {proxy.Namespace}/{proxy.GatewayName}, which the model does not have.");
            }
            return ([], [], false);
        }
        var routeConfigs = new List<RouteConfigPlan>();
        var listeners = new List<ListenerPlan>();
        var blackHole = false;
        foreach (var port in gateway.Listeners.Select(l => l.Port).Distinct().Order())
        {
            int[] onPort = [.. Enumerable.Range(0, gateway.Listeners.Count).Where(i => gateway.Listeners[i].Port == port)];
            var name = ResourceNames.OutboundListener(port);
            var statPrefix = ResourceNames.OutboundStatPrefix(name);
            var chains = new List<GatewayChainPlan>();
            // The validator lets one port carry one protocol, or HTTPS and TLS together.
            var protocol = gateway.Listeners[onPort[0]].Protocol;
            switch (protocol)
            {
                case ListenerProtocol.Http:
                {
                    var config = RouteConfig(context, gateway, ResourceNames.GatewayHttpRouteConfig(port), port, onPort);
                    routeConfigs.Add(config);
                    chains.Add(new GatewayChainPlan(config.Name, [], null, config.Name, config.UsesFault, null, statPrefix));
                    break;
                }
                case ListenerProtocol.Tcp:
                {
                    var chainName = ResourceNames.GatewayChain("tcp", port, null);
                    var backends = TcpBackends(context, gateway, port, onPort, clusters);
                    chains.Add(backends is null ? BlackHoleChain(chainName, [], null) : TcpChain(chainName, [], null, backends));
                    blackHole |= backends is null;
                    break;
                }
                default:
                    // The SNI names the port's chains match so far ("*": a chain without server_names).
                    var claimed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var i in onPort)
                    {
                        var listener = gateway.Listeners[i];
                        string[] serverNames = ServesEveryHost(listener.Hosts) ? [] : [.. listener.Hosts];
                        var tls = DownstreamTls(context, listener);
                        if (listener.Protocol == ListenerProtocol.Https)
                        {
                            var config = RouteConfig(context, gateway, ResourceNames.GatewayHttpsRouteConfig(port, listener.Name), port, [i]);
                            routeConfigs.Add(config);
                            chains.Add(new GatewayChainPlan(config.Name, serverNames, tls, config.Name, config.UsesFault, null, statPrefix));
                            if (serverNames.Length == 0) claimed.Add("*");
                            else claimed.UnionWith(serverNames);
                        }
                        else
                        {
                            chains.AddRange(TlsChains(context, gateway, port, i, tls, claimed, clusters));
                            // The listener's own chain: the names no route took, to the black hole.
                            var own = ResourceNames.GatewayChain("tls", port, listener.Name);
                            if (serverNames.Length == 0)
                            {
                                if (claimed.Add("*")) chains.Add(BlackHoleChain(own, [], tls));
                                else continue;
                            }
                            else
                            {
                                string[] rest = [.. serverNames.Where(claimed.Add)];
                                if (rest.Length == 0) continue;
                                chains.Add(BlackHoleChain(own, rest, tls));
                            }
                            blackHole = true;
                        }
                    }
                    break;
            }
            var rds = chains.FirstOrDefault(c => c.RouteConfigName is not null)?.RouteConfigName ?? string.Empty;
            var inspector = protocol is ListenerProtocol.Https or ListenerProtocol.Tls;
            listeners.Add(new ListenerPlan(name, port, false, rds, false, statPrefix, Gateway: new GatewayListenerPlan([.. chains], inspector)));
        }
        listeners.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        routeConfigs.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return ([.. routeConfigs], [.. listeners], blackHole);
    }

    /// <summary>
    /// The TLS a listener terminates, or null when it passes TLS through (or is plaintext): the credential as the SDS secret
    /// of the certificate, and for mutual TLS the credential's CA secret (or the files' CA bundle) and subject alternative names.
    /// </summary>
    private static DownstreamTlsPlan? DownstreamTls(PlanContext context, GatewayListener listener)
    {
        if (listener.Tls is not { Mode: not GatewayTlsMode.Passthrough } tls) return null;
        var mutual = tls.Mode == GatewayTlsMode.Mutual;
        return new DownstreamTlsPlan(
            mutual,
            listener.Protocol == ListenerProtocol.Https,
            tls.CredentialName,
            mutual && tls.CredentialName is { } credential ? credential + context.Options.CaCertificateSecretSuffix : null,
            tls.Files,
            mutual ? tls.SubjectAltNames : default);
    }

    /// <summary>
    /// The route configuration of HTTP or HTTPS listeners of one port: a virtual host per host name (the intersection of
    /// a listener's hosts and a bound route's host names), holding the rules of every route bound to that listener in model
    /// order; a listener that redirects to HTTPS has a virtual host per host of its own requiring TLS, and no routes.
    /// </summary>
    private static RouteConfigPlan RouteConfig(PlanContext context, Gateway gateway, string name, int port, int[] listenerIndexes)
    {
        var config = context.Config;
        var hosts = new SortedDictionary<string, HostRoutes>(StringComparer.OrdinalIgnoreCase);
        foreach (var i in listenerIndexes)
        {
            var listener = gateway.Listeners[i];
            string[] listenerHosts = ServesEveryHost(listener.Hosts) ? ["*"] : [.. listener.Hosts];
            if (listener.HttpsRedirect)
            {
                foreach (var host in listenerHosts) hosts.TryAdd(host, new HostRoutes { Redirect = true });
                continue;
            }
            foreach (var r in context.GatewayRoutes())
            {
                var route = config.GatewayRoutes[r];
                if (!route.Gateways.Any(g => PlanContext.Binds(g, gateway, listener))) continue;
                string[] routeHosts = ServesEveryHost(route.Hostnames) ? ["*"] : [.. route.Hostnames];
                foreach (var host in Intersect(listenerHosts, routeHosts))
                {
                    if (!hosts.TryGetValue(host, out var entry)) hosts[host] = entry = new HostRoutes();
                    if (entry.Redirect || entry.CatchAll is not null)
                    {
                        context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.gatewayRoutes[{r}]", entry.Redirect
                            ? $"Gateway route {route.Namespace}/{route.Name}: '{host}' on port {port} is a listener's redirect to HTTPS, so the route's rules there are not encoded."
                            : $"Gateway route {route.Namespace}/{route.Name}: its rules for '{host}' on port {port} are unreachable, as the rules of {entry.CatchAll} before it end with a catch-all; they are not encoded there.");
                        continue;
                    }
                    if (RoutePlanner.GatewayRules(context, r, port, entry.Routes)) entry.CatchAll = $"{route.Namespace}/{route.Name}";
                }
            }
        }
        VirtualHostPlan[] virtualHosts = [.. hosts.Select(p => new VirtualHostPlan(
            ResourceNames.FqdnPort(p.Key, port),
            default,
            port,
            p.Key == "*" ? ["*"] : [p.Key, ResourceNames.FqdnPort(p.Key, port)],
            [.. p.Value.Routes]) { RequireTls = p.Value.Redirect })];
        return new RouteConfigPlan(name, virtualHosts);
    }

    /// <summary>The routes one virtual host collects, whether it redirects to HTTPS, and which route's rules ended with a catch-all.</summary>
    private sealed class HostRoutes
    {
        public List<RoutePlan> Routes { get; } = [];

        public bool Redirect { get; init; }

        public string? CatchAll { get; set; }
    }

    /// <summary>Whether a host list means every host: empty, or holding <c>*</c>.</summary>
    private static bool ServesEveryHost(Mesh.Collections.EquatableArray<string> hosts) => hosts.IsEmpty || hosts.Contains("*");

    /// <summary>
    /// The host names both a listener and a route serve: every name of one side when the other serves every host, equal
    /// names, and the narrower of a name and a wildcard it falls under (<c>*.example.com</c> and <c>shop.example.com</c>:
    /// <c>shop.example.com</c>).
    /// </summary>
    internal static IEnumerable<string> Intersect(string[] listenerHosts, string[] routeHosts)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var l in listenerHosts)
        {
            foreach (var h in routeHosts)
            {
                string? shared = l == "*" ? h
                    : h == "*" ? l
                    : string.Equals(l, h, StringComparison.OrdinalIgnoreCase) ? l
                    : Under(h, l) ? h
                    : Under(l, h) ? l
                    : null;
                if (shared is not null && seen.Add(shared)) yield return shared;
            }
        }

        // Whether name falls under the wildcard (*.example.com covers a.example.com and *.a.example.com).
        static bool Under(string name, string wildcard) =>
            wildcard.StartsWith("*.", StringComparison.Ordinal) && name.Length > wildcard.Length - 1 && name.EndsWith(wildcard[1..], StringComparison.OrdinalIgnoreCase);
    }

    private static GatewayChainPlan BlackHoleChain(string name, string[] serverNames, DownstreamTlsPlan? tls) =>
        new(name, serverNames, tls, null, false, [new BackendPlan(OutboundScope.BlackHoleCluster, 1, default, null)], OutboundScope.BlackHoleCluster);

    /// <summary>A <c>tcp_proxy</c> chain to <paramref name="backends"/>; its stat prefix is the cluster, or the chain's name for a split.</summary>
    private static GatewayChainPlan TcpChain(string name, string[] serverNames, DownstreamTlsPlan? tls, BackendPlan[] backends) =>
        new(name, serverNames, tls, null, false, backends, backends.Length == 1 ? backends[0].Cluster : name);

    /// <summary>
    /// The chains of the gateway TLS routes bound to TLS listener <paramref name="listenerIndex"/>, in model order: one per
    /// route, matching the SNI names the route and the listener both serve that no earlier chain of the port matches.
    /// </summary>
    private static List<GatewayChainPlan> TlsChains(PlanContext context, Gateway gateway, int port, int listenerIndex, DownstreamTlsPlan? tls, HashSet<string> claimed, Dictionary<string, ServiceRef> clusters)
    {
        var config = context.Config;
        var listener = gateway.Listeners[listenerIndex];
        string[] listenerHosts = ServesEveryHost(listener.Hosts) ? ["*"] : [.. listener.Hosts];
        var result = new List<GatewayChainPlan>();
        for (var r = 0; r < config.GatewayTlsRoutes.Count; r++)
        {
            var route = config.GatewayTlsRoutes[r];
            if (!route.Gateways.Any(g => PlanContext.Binds(g, gateway, listener))) continue;
            var path = $"$.spec.gatewayTlsRoutes[{r}]";
            var names = new List<string>();
            foreach (var name in Intersect(listenerHosts, [.. route.Hostnames]))
            {
                if (claimed.Contains(name))
                {
                    context.Warning(XdsDiagnosticCodes.NotEncoded, $"{path}.hostnames",
                        $"Gateway TLS route {route.Namespace}/{route.Name}: server name '{name}' on listener '{listener.Name}' (port {port}) is not encoded: an earlier filter chain of the port already matches it (Envoy rejects two chains with the same match), so its connections go there.");
                    continue;
                }
                names.Add(name);
            }
            if (names.Count == 0) continue;
            var backends = OutboundTcpPlanner.Resolve(context, route.Backends, 0, null, clusters, out var failed, out var problem);
            if (backends is null)
            {
                context.Warning(XdsDiagnosticCodes.NotEncoded, $"{path}.backends[{failed}]",
                    $"Gateway TLS route {route.Namespace}/{route.Name} is not encoded on listener '{listener.Name}' (port {port}): {problem}. Its connections take the listener's own chain to {OutboundScope.BlackHoleCluster}.");
                continue;
            }
            claimed.UnionWith(names);
            string[] serverNames = names.Contains("*") ? [] : [.. names];
            result.Add(TcpChain($"{ResourceNames.GatewayChain("tls", port, listener.Name)}.{route.Namespace}.{route.Name}", serverNames, tls, backends));
        }
        return result;
    }

    /// <summary>
    /// The backends of the first gateway TCP route bound to a TCP listener of the port, or null when none is (or its backends
    /// have no clusters, reported). Every later route bound there is reported: a TCP listener has one route.
    /// </summary>
    private static BackendPlan[]? TcpBackends(PlanContext context, Gateway gateway, int port, int[] listenerIndexes, Dictionary<string, ServiceRef> clusters)
    {
        var config = context.Config;
        int? chosen = null;
        BackendPlan[]? result = null;
        foreach (var i in listenerIndexes)
        {
            var listener = gateway.Listeners[i];
            for (var r = 0; r < config.GatewayTcpRoutes.Count; r++)
            {
                var route = config.GatewayTcpRoutes[r];
                if (r == chosen || !route.Gateways.Any(g => PlanContext.Binds(g, gateway, listener))) continue;
                var path = $"$.spec.gatewayTcpRoutes[{r}]";
                if (chosen is { } first)
                {
                    var winner = config.GatewayTcpRoutes[first];
                    context.Warning(XdsDiagnosticCodes.NotEncoded, path,
                        $"Gateway TCP route {route.Namespace}/{route.Name} is not encoded on listener '{listener.Name}' (port {port}): gateway TCP route {winner.Namespace}/{winner.Name} already takes every connection of the port (a TCP listener has one route).");
                    continue;
                }
                var backends = OutboundTcpPlanner.Resolve(context, route.Backends, 0, null, clusters, out var failed, out var problem);
                if (backends is null)
                {
                    context.Warning(XdsDiagnosticCodes.NotEncoded, $"{path}.backends[{failed}]",
                        $"Gateway TCP route {route.Namespace}/{route.Name} is not encoded on listener '{listener.Name}' (port {port}): {problem}. Its connections go to {OutboundScope.BlackHoleCluster}.");
                    continue;
                }
                chosen = r;
                result = backends;
            }
        }
        return result;
    }
}

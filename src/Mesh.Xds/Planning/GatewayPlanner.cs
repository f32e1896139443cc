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
/// <item>TLS (terminated or passed through) and TCP: a <c>tcp_proxy</c> filter chain. The encoder does not route the
/// model's gateway TLS and TCP routes yet, so it sends to <c>BlackHoleCluster</c>, which closes every connection — as
/// Istio's and Gateway API's gateways refuse them without a TLS or TCP route — and each such listener, and each TLS or TCP
/// route bound to the gateway, is reported.</item>
/// </list>
/// </summary>
internal static class GatewayPlanner
{
    public static (RouteConfigPlan[] RouteConfigs, ListenerPlan[] Listeners, bool BlackHole) Plan(PlanContext context)
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
        ReportStreamRoutes(context, gateway);
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
                    foreach (var i in onPort) ReportNoRoutes(context, i);
                    chains.Add(new GatewayChainPlan(ResourceNames.GatewayChain("tcp", port, null), [], null, null, false, OutboundScope.BlackHoleCluster, statPrefix));
                    blackHole = true;
                    break;
                default:
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
                        }
                        else
                        {
                            ReportNoRoutes(context, i);
                            chains.Add(new GatewayChainPlan(ResourceNames.GatewayChain("tls", port, listener.Name), serverNames, tls, null, false, OutboundScope.BlackHoleCluster, statPrefix));
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

    /// <summary>The gateway TLS and TCP routes bound to <paramref name="gateway"/> are not encoded yet: each one is reported.</summary>
    private static void ReportStreamRoutes(PlanContext context, Gateway gateway)
    {
        var config = context.Config;
        for (var r = 0; r < config.GatewayTlsRoutes.Count; r++)
        {
            if (config.GatewayTlsRoutes[r].Gateways.Any(g => g.Name == gateway.Name && g.Namespace == gateway.Namespace))
            {
                context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.gatewayTlsRoutes[{r}]", $"Gateway TLS route {config.GatewayTlsRoutes[r].Namespace}/{config.GatewayTlsRoutes[r].Name} is not encoded: the xDS encoder does not route TLS at gateways yet, so its listeners' tcp_proxy sends to {OutboundScope.BlackHoleCluster}.");
            }
        }
        for (var r = 0; r < config.GatewayTcpRoutes.Count; r++)
        {
            if (config.GatewayTcpRoutes[r].Gateways.Any(g => g.Name == gateway.Name && g.Namespace == gateway.Namespace))
            {
                context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.gatewayTcpRoutes[{r}]", $"Gateway TCP route {config.GatewayTcpRoutes[r].Namespace}/{config.GatewayTcpRoutes[r].Name} is not encoded: the xDS encoder does not route TCP at gateways yet, so its listeners' tcp_proxy sends to {OutboundScope.BlackHoleCluster}.");
            }
        }
    }

    private static void ReportNoRoutes(PlanContext context, int listenerIndex)
    {
        var listener = context.Gateway!.Listeners[listenerIndex];
        var kind = listener.Protocol == ListenerProtocol.Tcp ? "TCP" : listener.Tls?.Mode == GatewayTlsMode.Passthrough ? "TLS passthrough" : "TLS";
        context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.gateways[{context.GatewayIndex}].listeners[{listenerIndex}]",
            $"Listener '{listener.Name}' ({kind}, port {listener.Port}) has its filter chain{(listener.Protocol == ListenerProtocol.Tcp ? string.Empty : " (by SNI)")}, but the xDS encoder routes no TLS or TCP connections at gateways yet: its tcp_proxy sends to {OutboundScope.BlackHoleCluster}, which closes every connection, as a gateway without a TLS or TCP route refuses them.");
    }
}

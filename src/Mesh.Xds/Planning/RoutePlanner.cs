using Mesh.Collections;
using Mesh.Model;
using Mesh.Xds.EnvoyApi;

namespace Mesh.Xds.Planning;

/// <summary>
/// Plans the route configurations: sidecars get one per outbound port holding a virtual host per service on that
/// port; proxyless clients one per service port, named like its listener, with one virtual host. Each virtual host
/// holds the HTTP route for its service (a valid model has at most one), rule by rule and match by match, then a
/// catch-all to the service itself unless the rules already end with one. The configuration is for one proxy and one
/// port: a match whose caller conditions (source labels, source namespace) the proxy does not meet, or whose port is
/// another, is left out, and so is a rule left with no match; the conditions that hold are no condition there.
/// </summary>
internal static class RoutePlanner
{
    public static RouteConfigPlan[] RouteConfigs(PlanContext context)
    {
        var config = context.Config;
        var hostsByConfig = new SortedDictionary<string, List<VirtualHostPlan>>(StringComparer.Ordinal);
        var domainsByConfig = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var service in config.Services)
        {
            if (!context.IsCovered(service.Reference)) continue;
            foreach (var port in service.Ports)
            {
                if (!PlanContext.IsHttp(port.Protocol)) continue;
                var fqdnPort = ResourceNames.FqdnPort(context.Fqdn(service.Reference), port.Port);
                var configName = context.Proxyless ? fqdnPort : ResourceNames.OutboundRouteConfig(port.Port);
                var host = new VirtualHostPlan(fqdnPort, service.Reference, port.Port, Domains(context, service.Reference, port.Port, fqdnPort), Routes(context, new RouteHost(service.Reference, null), port.Port));
                if (!hostsByConfig.TryGetValue(configName, out var hosts)) hostsByConfig[configName] = hosts = [];
                hosts.Add(host);
                if (!domainsByConfig.TryGetValue(configName, out var domains)) domainsByConfig[configName] = domains = new(StringComparer.OrdinalIgnoreCase);
                domains.UnionWith(host.Domains);
            }
        }
        if (!context.Proxyless) ExternalHosts(context, hostsByConfig, domainsByConfig);
        for (var r = 0; r < config.Routes.Count; r++)
        {
            var route = config.Routes[r];
            var service = context.FindService(route.Host);
            if (service is null)
            {
                // The validator resolved the host, so it is an external service.
                if (context.Proxyless)
                {
                    context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.routes[{r}]", $"Route {route.Namespace}/{route.Name} is for the external service {route.Host}; proxyless gRPC clients take EDS clusters only, so external services are not encoded for them, and neither is the route.");
                }
                else if (context.FindExternal(route.Host) is { } external && !external.Ports.Any(p => PlanContext.IsHttp(p.Protocol)))
                {
                    context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.routes[{r}]", $"Route {route.Namespace}/{route.Name}: the external service {route.Host} has no HTTP, HTTP/2 or gRPC port, so the route has no listener to apply to.");
                }
            }
            else if (!service.Ports.Any(p => PlanContext.IsHttp(p.Protocol)))
            {
                context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.routes[{r}]", $"Route {route.Namespace}/{route.Name}: {route.Host} has no HTTP, HTTP/2 or gRPC port, so the route has no listener to apply to.");
            }
        }
        var catchAll = OutboundScope.CatchAll(context);
        return [.. hostsByConfig.Select(p =>
        {
            VirtualHostPlan[] hosts = [.. p.Value.OrderBy(h => h.Name, StringComparer.Ordinal)];
            // The outbound scope's catch-all answers every host no other virtual host names, so it comes last.
            return new RouteConfigPlan(p.Key, catchAll is null ? hosts : [.. hosts, catchAll]);
        })];
    }

    /// <summary>
    /// The virtual hosts of the external services' HTTP ports, one per host that has clusters and port, named
    /// <c>host:port</c> with the domains <c>host</c> and <c>host:port</c>, each holding the external service's HTTP
    /// route (or a default route to its cluster). A domain that another virtual host of the same route configuration
    /// already has (the services' first, then the external services' in (namespace, name) order) is reported and its
    /// virtual host left out: Envoy rejects a route configuration naming a domain twice.
    /// </summary>
    private static void ExternalHosts(PlanContext context, SortedDictionary<string, List<VirtualHostPlan>> hostsByConfig, Dictionary<string, HashSet<string>> domainsByConfig)
    {
        var config = context.Config;
        foreach (var e in ExternalPlanner.InOrder(config))
        {
            var external = config.ExternalServices[e];
            var reference = PlanContext.Ref(external);
            if (!context.IsCovered(reference)) continue;
            for (var h = 0; h < external.Hosts.Count; h++)
            {
                var name = external.Hosts[h];
                if (!ExternalPlanner.Resolvable(external, name)) continue;
                foreach (var port in external.Ports)
                {
                    if (!PlanContext.IsHttp(port.Protocol)) continue;
                    var configName = ResourceNames.OutboundRouteConfig(port.Port);
                    var hostPort = ResourceNames.FqdnPort(name, port.Port);
                    string[] domains = [name, hostPort];
                    if (!domainsByConfig.TryGetValue(configName, out var taken)) domainsByConfig[configName] = taken = new(StringComparer.OrdinalIgnoreCase);
                    if (domains.Any(taken.Contains))
                    {
                        context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.externalServices[{e}].hosts[{h}]",
                            $"External service {reference}: '{name}' on port {port.Port} has no virtual host: another service or external service of the route configuration '{configName}' already answers that name (Envoy rejects a domain named twice); its clusters are kept.");
                        continue;
                    }
                    taken.UnionWith(domains);
                    var host = new VirtualHostPlan(hostPort, reference, port.Port, domains, Routes(context, new RouteHost(reference, name), port.Port));
                    if (!hostsByConfig.TryGetValue(configName, out var hosts)) hostsByConfig[configName] = hosts = [];
                    hosts.Add(host);
                }
            }
        }
    }

    /// <summary>
    /// The service or external service a virtual host is for: its reference, and the external host its clusters are
    /// named after (null for a service of the mesh).
    /// </summary>
    private readonly record struct RouteHost(ServiceRef Reference, string? ExternalHost);

    /// <summary>
    /// The names clients use for a service port: for sidecars, <c>name</c> (in the proxy's own namespace),
    /// <c>name.ns</c>, <c>name.ns.svc</c> and the FQDN, each also with <c>:port</c>; for proxyless clients, only
    /// <c>fqdn:port</c>, the <c>xds:///</c> target.
    /// </summary>
    private static string[] Domains(PlanContext context, ServiceRef service, int port, string fqdnPort)
    {
        if (context.Proxyless) return [fqdnPort];
        var p = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var fqdn = context.Fqdn(service);
        var names = new List<string>(8);
        if (string.Equals(service.Namespace, context.Proxy.Namespace, StringComparison.Ordinal)) names.Add(service.Name);
        names.Add($"{service.Name}.{service.Namespace}");
        names.Add($"{service.Name}.{service.Namespace}.svc");
        names.Add(fqdn);
        var domains = new List<string>(names.Count * 2);
        foreach (var name in names)
        {
            domains.Add(name);
            domains.Add($"{name}:{p}");
        }
        return [.. domains];
    }

    private static RoutePlan[] Routes(PlanContext context, RouteHost host, int port)
    {
        var routes = new List<RoutePlan>();
        var catchAll = false;
        if (context.RouteFor(host.Reference) is { } r)
        {
            var route = context.Config.Routes[r];
            catchAll = Rules(context, host, port, port, route.Namespace, route.Name, route.Rules, $"$.spec.routes[{r}]", routes);
        }
        if (!catchAll)
        {
            var cluster = OwnCluster(context, host, port, null);
            routes.Add(new RoutePlan(ResourceNames.DefaultRoute, null, null, [new BackendPlan(cluster, 1, host.Reference, null)], null, null, HashFor(context, host.Reference, null, port), default));
        }
        return [.. routes];
    }

    /// <summary>
    /// Adds the routes of gateway route <paramref name="index"/> for a gateway listener on <paramref name="listenerPort"/>
    /// (a match naming another port is left out); a request no rule matches gets Envoy's 404, so there is no default route.
    /// A backend without a port needs a service with one port: a gateway has no host port to default to.
    /// </summary>
    /// <returns>Whether the rules end with a catch-all, after which nothing more of the virtual host is reachable.</returns>
    public static bool GatewayRules(PlanContext context, int index, int listenerPort, List<RoutePlan> routes)
    {
        var route = context.Config.GatewayRoutes[index];
        return Rules(context, new RouteHost(default, null), listenerPort, 0, route.Namespace, route.Name, route.Rules, $"$.spec.gatewayRoutes[{index}]", routes);
    }

    /// <summary>
    /// The routes of one route's rules, rule by rule and match by match, until a catch-all: matches for another port
    /// than <paramref name="matchPort"/>, or whose caller conditions the proxy does not meet, are left out; backends and
    /// mirrors without a port take <paramref name="hostPort"/> when their service has it (0: none).
    /// </summary>
    /// <returns>Whether the rules ended with a catch-all.</returns>
    private static bool Rules(PlanContext context, RouteHost host, int matchPort, int hostPort, string ns, string name, EquatableArray<HttpRouteRule> rules, string routePath, List<RoutePlan> routes)
    {
        var catchAll = false;
        for (var i = 0; i < rules.Count && !catchAll; i++)
        {
            var rule = rules[i];
            var path = $"{routePath}.rules[{i}]";
            var backends = Backends(context, host, hostPort, rule.Backends, path);
            var mirror = rule.Mirror is null ? null : Reference(context, host, rule.Mirror.Service, rule.Mirror.Port, rule.Mirror.Subset, hostPort, path + ".mirror");
            var retryOn = rule.Retry is null ? null : RetryOn(rule.Retry);
            var hash = backends.Length > 0 ? HashFor(context, backends[0].Service, backends[0].Subset, hostPort != 0 ? hostPort : BackendPort(context, rule.Backends, backends[0])) : null;
            var redirectCode = rule.Redirect is null ? default : RedirectCode(rule.Redirect.StatusCode);
            if (rule.Cors is not null)
            {
                context.Warning(XdsDiagnosticCodes.NotEncoded, path + ".cors", "CORS policies are not encoded into xDS yet (they need the envoy.filters.http.cors filter); the rule is emitted without CORS.");
            }
            if (context.Proxyless && rule.Redirect is not null)
            {
                context.Warning(XdsDiagnosticCodes.ProxylessApproximated, path + ".redirect", "Proxyless gRPC clients fail RPCs on redirect routes; the route is encoded as Envoy would take it.");
            }
            if (rule.Matches.IsEmpty)
            {
                routes.Add(new RoutePlan(ResourceNames.Route(ns, name, i, null), null, rule, backends, mirror, retryOn, hash, redirectCode) { TimeoutAsStreamDuration = context.Proxyless });
                catchAll = true;
                continue;
            }
            for (var m = 0; m < rule.Matches.Count; m++)
            {
                var match = rule.Matches[m];
                if (!Applies(context.Proxy, match, matchPort)) continue;
                NackChecks.Match(context, match, $"{path}.matches[{m}]");
                routes.Add(new RoutePlan(ResourceNames.Route(ns, name, i, m), match, rule, backends, mirror, retryOn, hash, redirectCode) { TimeoutAsStreamDuration = context.Proxyless });
                if (match.Path is null or { Kind: PathMatchKind.Prefix, Value: "/" } && match.Headers.IsEmpty && match.QueryParams.IsEmpty && match.Method is null) catchAll = true;
            }
        }
        return catchAll;
    }

    /// <summary>
    /// Whether a match can hold on <paramref name="port"/> for requests from <paramref name="proxy"/>: its port is that port,
    /// and the proxy runs in its source namespace and carries all its source labels (a proxy of unknown namespace meets no
    /// namespace condition).
    /// </summary>
    internal static bool Applies(XdsProxy proxy, HttpMatch match, int port)
    {
        if (match.Port is { } p && p != port) return false;
        if (match.SourceNamespace is { } ns && !string.Equals(ns, proxy.Namespace, StringComparison.Ordinal)) return false;
        foreach (var (key, value) in match.SourceLabels)
        {
            if (!proxy.Labels.TryGetValue(key, out var held) || !string.Equals(held, value, StringComparison.Ordinal)) return false;
        }
        return true;
    }

    /// <summary>
    /// The port of a planned backend when there is no host port (a gateway's): the model backend's own, else its service's
    /// only port (0: none, so only policies for the whole service apply).
    /// </summary>
    private static int BackendPort(PlanContext context, EquatableArray<WeightedBackend> backends, BackendPlan planned)
    {
        foreach (var backend in backends)
        {
            if (backend.Service != planned.Service || !string.Equals(backend.Subset, planned.Subset, StringComparison.Ordinal)) continue;
            if (backend.Port is { } port) return port;
            return context.FindService(backend.Service) is { Ports.Count: 1 } service ? service.Ports[0].Port : 0;
        }
        return 0;
    }

    /// <summary>The hash policy of a route whose first backend has a consistent-hash load balancer (source IP when it names no key).</summary>
    private static ConsistentHash? HashFor(PlanContext context, ServiceRef service, string? subset, int port)
    {
        var (lb, _, _) = context.Policy(service, subset, port);
        return lb is { Algorithm: LoadBalancerAlgorithm.ConsistentHash } ? lb.ConsistentHash ?? ConsistentHash.SourceIp : null;
    }

    /// <summary>
    /// The weighted clusters of a rule (the host itself when it names none, which a valid model allows only for a
    /// redirect); backends that do not resolve to a cluster are errors; zero weights are left out (the validator
    /// rejects negative weights and all-zero weights).
    /// </summary>
    private static BackendPlan[] Backends(PlanContext context, RouteHost host, int port, EquatableArray<WeightedBackend> backends, string path)
    {
        // A gateway route's rule without backends redirects (the validator allows no other), and has no host of its own.
        if (backends.IsEmpty) return host.Reference == default ? [] : [new BackendPlan(OwnCluster(context, host, port, null), 1, host.Reference, null)];
        var result = new List<BackendPlan>(backends.Count);
        for (var b = 0; b < backends.Count; b++)
        {
            var backend = backends[b];
            var cluster = Reference(context, host, backend.Service, backend.Port, backend.Subset, port, $"{path}.backends[{b}]");
            if (cluster is not null && backend.Weight > 0) result.Add(new BackendPlan(cluster, backend.Weight, backend.Service, backend.Subset));
        }
        return [.. result];
    }

    /// <summary>The cluster of a virtual host's own service or external service host on a port.</summary>
    private static string OwnCluster(PlanContext context, RouteHost host, int port, string? subset) =>
        host.ExternalHost is { } name ? ResourceNames.OutboundCluster(name, port, subset) : context.ClusterName(host.Reference, port, subset);

    /// <summary>
    /// The cluster a backend or mirror refers to: its port, else the host's port when the service has it, else the
    /// service's only port. The validator resolved the service, an explicit port and the subset; what is left is
    /// the encoder's: no port to pick, or an external service with no cluster for this client (a proxyless one, or
    /// one whose hosts are all wildcards DNS cannot resolve). These are errors (null): dropping the backend would change
    /// where the rule sends traffic. An external service is reached through the cluster of the host the request named
    /// when the virtual host is its own, else through the cluster of its first host.
    /// </summary>
    private static string? Reference(PlanContext context, RouteHost host, ServiceRef target, int? targetPort, string? subset, int port, string path)
    {
        EquatableArray<ServicePort> ports;
        string? externalHost = null;
        if (context.FindService(target) is { } service)
        {
            ports = service.Ports;
        }
        else
        {
            var external = context.FindExternal(target);
            if (context.Proxyless || external is null)
            {
                context.Error(XdsDiagnosticCodes.UnknownReference, path + ".service", $"{target} is an external service; proxyless gRPC clients take EDS clusters only, so external services are not encoded for them and there is no cluster to send to.");
                return null;
            }
            externalHost = target == host.Reference && host.ExternalHost is not null ? host.ExternalHost : ExternalPlanner.FirstResolvableHost(external);
            if (externalHost is null)
            {
                context.Error(XdsDiagnosticCodes.UnknownReference, path + ".service", $"{target} has no cluster: its hosts are wildcards that DNS cannot resolve, and it has no endpoints.");
                return null;
            }
            ports = external.Ports;
        }
        var resolved = targetPort ?? (ports.Any(p => p.Port == port) ? port : ports.Count == 1 ? ports[0].Port : (int?)null);
        if (resolved is not { } p)
        {
            context.Error(XdsDiagnosticCodes.UnknownReference, path + ".port", ports.Count == 0
                ? $"{target} has no ports, so there is no cluster to send to."
                : port == 0 ? $"{target} has more than one port and a gateway has no host port to default to: say which one."
                : $"{target} has no port {port} and more than one port: say which one.");
            return null;
        }
        return externalHost is null ? context.ClusterName(target, p, subset) : ResourceNames.OutboundCluster(externalHost, p, subset);
    }

    /// <summary>Envoy's <c>retry_on</c>: the rule's conditions, as the model states them (status codes apply only with retriable-status-codes).</summary>
    private static string? RetryOn(RetryPolicy retry) => retry.On.IsEmpty ? null : string.Join(',', retry.On.Select(WireNames.Of));

    /// <summary>The redirect status as Envoy's response code (the validator allows these five only).</summary>
    private static RedirectResponseCode RedirectCode(int status) => status switch
    {
        302 => RedirectResponseCode.Found,
        303 => RedirectResponseCode.SeeOther,
        307 => RedirectResponseCode.TemporaryRedirect,
        308 => RedirectResponseCode.PermanentRedirect,
        _ => RedirectResponseCode.MovedPermanently,
    };
}

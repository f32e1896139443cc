using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// HTTP routes → one <c>ServiceRouter</c> per host (Consul allows one per service), the routes of every model route of that
/// host in model order, one Consul route per match (a Consul route has one match) with the rule's destination. A rule with one
/// backend names it (<c>service</c>, <c>serviceSubset</c>); a rule with several goes through a <c>ServiceSplitter</c>: the host's
/// own when the rule is the host's last and matches everything and no other rule sends to the host as a whole (Consul would split
/// that traffic through it too), otherwise a splitter of a virtual service
/// <c>&lt;host&gt;-&lt;route&gt;-&lt;rule&gt;</c> (with its <c>ServiceDefaults</c>, annotated <see cref="ConsulEntries.SplitOf"/>)
/// that the route names. The router is annotated with each Consul route's model rule (<see cref="ConsulEntries.RouteSources"/>).
/// </summary>
internal static partial class RouterMapping
{
    public static (List<ServiceRouter> Routers, List<ServiceSplitter> Splitters) ToConsul(MeshConfig config, ConsulExportContext ctx)
    {
        var routers = new List<ServiceRouter>();
        var splitters = new List<ServiceSplitter>();
        var byHost = new Dictionary<ServiceRef, List<int>>();
        var hosts = new List<ServiceRef>();
        for (var i = 0; i < config.Routes.Count; i++)
        {
            var host = config.Routes[i].Host;
            if (ctx.FindExternal(host) is not null)
            {
                ctx.Unsupported($"$.spec.routes[{i}]", $"Routes on an external service are not written for Consul yet: '{host}' is a terminating-gateway destination, whose L7 routing this translation does not map.");
                continue;
            }
            if (!byHost.TryGetValue(host, out var list))
            {
                byHost[host] = list = [];
                hosts.Add(host);
            }
            list.Add(i);
        }
        // A route destination or split naming a service without a subset goes through that service's own splitter in Consul.
        var namedWhole = new Dictionary<ServiceRef, int>();
        foreach (var route in config.Routes)
        {
            foreach (var rule in route.Rules)
            {
                foreach (var backend in rule.Backends)
                {
                    if (backend.Subset is null) namedWhole[backend.Service] = namedWhole.GetValueOrDefault(backend.Service) + 1;
                }
            }
        }
        foreach (var host in hosts)
        {
            var indexes = byHost[host];
            if (!ProtocolMapping.EnsureL7(host, ctx))
            {
                foreach (var i in indexes) ctx.UnsupportedOnce($"$.spec.routes[{i}]", ctx.Message("Consul rejects a ServiceRouter for a tcp service: '{0}' declares no HTTP, HTTP/2 or gRPC port, so its HTTP routes are not written.", host.ToString()));
                continue;
            }
            var router = ConsulEntries.Create<ServiceRouter>(host);
            var sources = new List<string>();
            var lastRoute = indexes[^1];
            foreach (var i in indexes)
            {
                var route = config.Routes[i];
                for (var k = 0; k < route.Rules.Count; k++)
                {
                    var final = i == lastRoute && k == route.Rules.Count - 1;
                    // The host's own splitter would also split what other rules send to the host as a whole: then the rule's split is a virtual service's.
                    var own = final && namedWhole.GetValueOrDefault(host) == route.Rules[k].Backends.Count(b => b.Service == host && b.Subset is null);
                    WriteRule(route, i, k, own, router, sources, splitters, ctx);
                }
            }
            if (router.Spec.Routes is { Count: > 0 })
            {
                ConsulEntries.Annotate(router, ConsulEntries.RouteSources, string.Join(',', sources));
                routers.Add(router);
            }
        }
        return (routers, splitters);
    }

    private static void WriteRule(HttpRoute route, int routeIndex, int ruleIndex, bool final, ServiceRouter router, List<string> sources, List<ServiceSplitter> splitters, ConsulExportContext ctx)
    {
        var rule = route.Rules[ruleIndex];
        var path = new RulePath($"$.spec.routes[{routeIndex}]", ruleIndex).ToString();
        ReportUnsupported(rule, path, ctx);
        var backends = new List<(WeightedBackend Backend, int Index)>();
        for (var b = 0; b < rule.Backends.Count; b++)
        {
            var backend = rule.Backends[b];
            if (backend.Port is { } port)
            {
                // A Consul service has one port: naming the service's only port loses nothing, naming one of several does.
                if (ctx.FindService(backend.Service) is { Ports.Count: 1 } service && service.Ports[0].Port == port) ctx.NoteOnce($"{path}.backends[{b}].port", "Consul routes to a service, not to one of its ports: the port, the service's only one, is not written.");
                else ctx.UnsupportedOnce($"{path}.backends[{b}].port", "Consul routes to a service, not to one of its ports: the port is not written, and traffic reaches the port the service is registered with.");
            }
            if (backend.Service != route.Host && !ProtocolMapping.EnsureL7(backend.Service, ctx))
            {
                ctx.UnsupportedOnce($"{path}.backends[{b}]", ctx.Message("Consul's discovery chain needs an HTTP-family protocol on every service it routes to, and '{0}' is tcp: the rule is not written.", backend.Service.ToString()));
                return;
            }
            if (backend.Weight <= 0)
            {
                ctx.NoteOnce($"{path}.backends[{b}].weight", "A backend of weight 0 receives nothing; Consul rejects a split of weight 0, so it is not written.");
                continue;
            }
            backends.Add((backend, b));
        }
        if (backends.Count == 0)
        {
            if (rule.Redirect is null) ctx.UnsupportedOnce(path, "The rule sends to no backend of positive weight: Consul has no route without a destination, so it is not written.");
            return;
        }

        var host = route.Host;
        var destination = new ServiceRouteDestination();
        var catchAll = rule.Matches.Count == 0 || rule.Matches.All(IsEverything);
        var writeRoute = true;
        if (backends.Count == 1)
        {
            Target(backends[0].Backend, host, destination, ctx);
        }
        else if (catchAll && final)
        {
            // The host's own splitter takes everything the router does not match (its implicit catch-all goes through it).
            splitters.Add(Splitter(host, host, backends, path, ctx));
            writeRoute = HasRouteSettings(rule);
            destination.Service = host.Name;
        }
        else
        {
            var virtualService = new ServiceRef($"{host.Name}-{route.Name}-{ruleIndex}", host.Namespace);
            var splitter = Splitter(virtualService, host, backends, path, ctx);
            ConsulEntries.Annotate(splitter, ConsulEntries.SplitOf, $"{host.Name}/{route.Name}/{ruleIndex}");
            splitters.Add(splitter);
            var defaults = ctx.DefaultsOf(virtualService);
            defaults.Spec.Protocol = ctx.DefaultsOf(host).Spec.Protocol;
            ConsulEntries.Annotate(defaults, ConsulEntries.SplitOf, $"{host.Name}/{route.Name}/{ruleIndex}");
            destination.Service = virtualService.Name;
        }
        if (!writeRoute) return;

        if (rule.Timeout is { } timeout) destination.RequestTimeout = GoDuration.Format(timeout);
        if (rule.Retry is { } retry) RetryMapping.ToConsul(retry, destination, path, ctx);
        destination.RequestHeaders = HeaderMapping.ToConsul(rule.RequestHeaders);
        destination.ResponseHeaders = HeaderMapping.ToConsul(rule.ResponseHeaders);

        var matches = rule.Matches.Count == 0 ? [new HttpMatch()] : rule.Matches.ToList();
        for (var m = 0; m < matches.Count; m++)
        {
            var matchPath = rule.Matches.Count == 0 ? path : $"{path}.matches[{m}]";
            if (MatchMapping.ToConsul(matches[m], matchPath, ctx) is not { } http) continue;
            var perMatch = matches.Count == 1 ? destination : Copy(destination);
            if (rule.Rewrite is { } rewrite) RewriteMapping.ToConsul(rewrite, http, perMatch, path, ctx);
            (router.Spec.Routes ??= []).Add(new ServiceRoute
            {
                Match = IsEmpty(http) ? null : new ServiceRouteMatch { Http = http },
                Destination = perMatch,
            });
            sources.Add($"{route.Name}/{ruleIndex}");
        }
    }

    private static void Target(WeightedBackend backend, ServiceRef host, ServiceRouteDestination destination, ConsulExportContext ctx)
    {
        destination.Service = backend.Service.Name;
        destination.ServiceSubset = backend.Subset;
        destination.Namespace = ctx.NamespaceField(backend.Service.Namespace, host.Namespace);
        destination.Partition = ctx.PartitionField;
    }

    private static ServiceSplitter Splitter(ServiceRef name, ServiceRef host, List<(WeightedBackend Backend, int Index)> backends, string path, ConsulExportContext ctx)
    {
        var (percentages, exact) = SplitWeights.ToPercentages([.. backends.Select(b => b.Backend.Weight)]);
        if (!exact)
        {
            ctx.RoundedOnce($"{path}.backends", ctx.Message("Consul splits by percentages in 0.01 steps summing to 100: the weights are written as {0}.", string.Join(", ", percentages.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        }
        var splitter = ConsulEntries.Create<ServiceSplitter>(name);
        splitter.Spec.Splits = [.. backends.Select((b, i) => new ServiceSplit
        {
            Weight = percentages[i],
            Service = b.Backend.Service.Name,
            ServiceSubset = b.Backend.Subset,
            Namespace = ctx.NamespaceField(b.Backend.Service.Namespace, host.Namespace),
            Partition = ctx.PartitionField,
        })];
        return splitter;
    }

    private static void ReportUnsupported(HttpRouteRule rule, string path, ConsulExportContext ctx)
    {
        if (rule.Fault is not null) ctx.UnsupportedOnce($"{path}.fault", "Consul has no fault injection (only through Envoy extensions).");
        if (rule.Mirror is not null) ctx.UnsupportedOnce($"{path}.mirror", "Consul has no traffic mirroring.");
        if (rule.Cors is not null) ctx.UnsupportedOnce($"{path}.cors", "Consul has no CORS policy (only through Envoy extensions).");
        if (rule.Redirect is not null) ctx.UnsupportedOnce($"{path}.redirect", "Consul routes cannot answer with an HTTP redirect (ServiceResolver redirect re-targets traffic, it sends no 3xx).");
        for (var m = 0; m < rule.Matches.Count; m++)
        {
            var match = rule.Matches[m];
            if (!match.SourceLabels.IsEmpty) ctx.UnsupportedOnce($"{path}.matches[{m}].sourceLabels", "Consul service-router matches hold the request only (path, headers, query, methods), not the calling service: the source label condition is not written (the route applies to every caller).");
            if (match.SourceNamespace is not null) ctx.UnsupportedOnce($"{path}.matches[{m}].sourceNamespace", "Consul service-router matches hold the request only (path, headers, query, methods), not the calling service: the source namespace condition is not written (the route applies to every caller).");
            if (match.Port is not null) ctx.UnsupportedOnce($"{path}.matches[{m}].port", "Consul service-router matches have no port: a router applies to the service, whatever port it is called on; the port condition is not written.");
        }
    }

    private static bool HasRouteSettings(HttpRouteRule rule) =>
        rule.Timeout is not null || rule.Retry is not null || rule.Rewrite is not null || rule.RequestHeaders is not null || rule.ResponseHeaders is not null;

    private static bool IsEverything(HttpMatch match) =>
        match.Headers.Count == 0 && match.QueryParams.Count == 0 && match.Method is null && (match.Path is null || match.Path is { Kind: PathMatchKind.Prefix, Value: "/" });

    private static bool IsEmpty(ServiceRouteHttpMatch http) =>
        http.PathExact is null && http.PathPrefix is null && http.PathRegex is null && http.Header is null && http.QueryParam is null && http.Methods is null;

    private static ServiceRouteDestination Copy(ServiceRouteDestination d) => new()
    {
        Service = d.Service,
        ServiceSubset = d.ServiceSubset,
        Namespace = d.Namespace,
        Partition = d.Partition,
        PrefixRewrite = d.PrefixRewrite,
        IdleTimeout = d.IdleTimeout,
        RequestTimeout = d.RequestTimeout,
        NumRetries = d.NumRetries,
        RetryOnConnectFailure = d.RetryOnConnectFailure,
        RetryOn = d.RetryOn,
        RetryOnStatusCodes = d.RetryOnStatusCodes,
        RequestHeaders = d.RequestHeaders,
        ResponseHeaders = d.ResponseHeaders,
    };
}

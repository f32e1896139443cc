using System.Globalization;
using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Resources;
using Mesh.Providers.AppMesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// Virtual routers: one named after each service that is a route host or has subsets, listening on the service's ports. The
/// host's HTTP rules become one App Mesh route per (rule, match, HTTP-family port) — its type by the listener's protocol
/// (httpRoute, http2Route, grpcRoute), <c>match.port</c> and target ports set when the router has several listeners — and its
/// TCP routes one tcpRoute per TCP port; all named by <see cref="RouteNames"/> and prioritised 0, 1, 2, … in model order
/// (first match wins). A service with subsets and no route gets the implicit route <c>default</c> splitting equally over its
/// subsets' nodes, marked by the <see cref="ImplicitRouteAnnotation"/> annotation.
/// </summary>
internal static partial class RouterMapping
{
    // Model → App Mesh.
    /// <summary>The annotation naming the route written for a service with subsets and no route (the import skips it).</summary>
    public const string ImplicitRouteAnnotation = "mesh-sdk.io/implicit-route";

    /// <summary>The name of the implicit route (with <c>-p&lt;port&gt;</c> per listener on a router with several listeners).</summary>
    public const string ImplicitRouteName = "default";

    /// <summary>App Mesh's route priorities are 0–1000.</summary>
    public const int MaxRoutes = 1001;

    /// <summary>The routers, in model order of their services, and the services they provide for.</summary>
    public static (List<VirtualRouter> Routers, HashSet<ServiceRef> Routed) ToAppMesh(AppMeshExportContext ctx)
    {
        var config = ctx.Config;
        var http = new Dictionary<ServiceRef, List<int>>();
        var tcp = new Dictionary<ServiceRef, List<int>>();
        for (var i = 0; i < config.Routes.Count; i++) Group(http, config.Routes[i].Host, i, $"$.spec.routes[{i}]", ctx);
        for (var i = 0; i < config.TcpRoutes.Count; i++) Group(tcp, config.TcpRoutes[i].Host, i, $"$.spec.tcpRoutes[{i}]", ctx);

        var routers = new List<VirtualRouter>();
        var routed = new HashSet<ServiceRef>();
        for (var i = 0; i < config.Services.Count; i++)
        {
            var service = config.Services[i];
            var httpRoutes = http.GetValueOrDefault(service.Reference) ?? [];
            var tcpRoutes = tcp.GetValueOrDefault(service.Reference) ?? [];
            if (httpRoutes.Count + tcpRoutes.Count == 0 && service.Subsets.IsEmpty) continue;
            if (!routed.Add(service.Reference)) continue;
            if (service.Ports.IsEmpty)
            {
                ctx.Unsupported($"$.spec.services[{i}].ports", "An App Mesh virtual router needs a listener, and the service has no port: no router is written (its routes and its subsets' split are not written, and its virtual service has no provider).");
                foreach (var r in httpRoutes) ctx.Unsupported($"$.spec.routes[{r}]", $"'{service.Reference}' has no port for a router listener: the route is not written.");
                foreach (var r in tcpRoutes) ctx.Unsupported($"$.spec.tcpRoutes[{r}]", $"'{service.Reference}' has no port for a router listener: the route is not written.");
                routed.Remove(service.Reference);
                continue;
            }
            routers.Add(Ownership.From(Router(service, i, httpRoutes, tcpRoutes, ctx), [ModelObjectNames.Of(service), .. httpRoutes.Select(r => ModelObjectNames.Of(config.Routes[r])), .. tcpRoutes.Select(r => ModelObjectNames.Of(config.TcpRoutes[r]))]));
        }
        return (routers, routed);
    }

    private static void Group(Dictionary<ServiceRef, List<int>> byHost, ServiceRef host, int index, string path, AppMeshExportContext ctx)
    {
        if (ctx.FindService(host) is null)
        {
            ctx.Unsupported(path, $"App Mesh routes traffic to services of the mesh: the route of '{host}', which is not a service of the model, is not written.");
            return;
        }
        if (!byHost.TryGetValue(host, out var list)) byHost[host] = list = [];
        list.Add(index);
    }

    private static VirtualRouter Router(MeshService service, int index, List<int> httpRoutes, List<int> tcpRoutes, AppMeshExportContext ctx)
    {
        var listeners = new List<(int Port, string Protocol)>(service.Ports.Count);
        foreach (var port in service.Ports) listeners.Add((port.Port, ListenerProtocols.Of(port.Protocol)));
        var multi = listeners.Count > 1;
        var routes = new List<(VirtualRouterRoute Route, string Path)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Add(VirtualRouterRoute route, string path)
        {
            if (names.Add(route.Name!)) routes.Add((route, path));
            else ctx.UnsupportedOnce(path, $"Another route of virtual router '{service.Name}' is already named '{route.Name}': this one is not written.");
        }

        foreach (var r in httpRoutes) HttpRoutes(ctx.Config.Routes[r], r, service, listeners, multi, Add, ctx);
        foreach (var t in tcpRoutes) TcpRoutes(ctx.Config.TcpRoutes[t], t, service, listeners, multi, Add, ctx);
        var implicitRoute = httpRoutes.Count + tcpRoutes.Count == 0;
        if (implicitRoute)
        {
            ctx.Approximated($"$.spec.services[{index}]", $"App Mesh reaches a subset only through a virtual node of its own: the router's route '{ImplicitRouteName}' splits '{service.Name}' equally over its subsets' nodes (Kubernetes spreads by pod count, App Mesh by weight).");
            var whole = new EquatableArray<WeightedBackend>([new WeightedBackend { Service = service.Reference }]);
            foreach (var (port, protocol) in listeners)
            {
                var action = TargetMapping.ToAppMesh(whole, $"$.spec.services[{index}]", service.Namespace, multi ? port : null, ctx, implicitSplit: true);
                if (action is null) continue;
                var name = multi ? string.Create(CultureInfo.InvariantCulture, $"{ImplicitRouteName}-p{port}") : ImplicitRouteName;
                Add(Typed(name, protocol, multi ? port : null, action, grpcMatch: new GrpcRouteMatch { Port = multi ? port : null }, httpMatch: new HttpRouteMatch { Prefix = "/", Port = multi ? port : null }, retry: null, grpcRetry: null, timeout: null), $"$.spec.services[{index}]");
            }
        }

        if (routes.Count > MaxRoutes)
        {
            ctx.Unsupported(routes[MaxRoutes].Path, $"App Mesh route priorities are 0–1000, so a router holds at most {MaxRoutes} ordered routes: virtual router '{service.Name}' would need {routes.Count}; the last {routes.Count - MaxRoutes} are not written.");
            routes.RemoveRange(MaxRoutes, routes.Count - MaxRoutes);
        }
        for (var p = 0; p < routes.Count; p++) routes[p].Route.Priority = p;

        return new VirtualRouter
        {
            Metadata =
            {
                Name = service.Name,
                NamespaceProperty = service.Namespace,
                Annotations = implicitRoute ? new Dictionary<string, string>(StringComparer.Ordinal) { [ImplicitRouteAnnotation] = ImplicitRouteName } : null,
            },
            Spec =
            {
                Listeners = listeners.ConvertAll(l => new VirtualRouterListener { PortMapping = new PortMapping { Port = l.Port, Protocol = l.Protocol } }),
                Routes = routes.Count == 0 ? null : routes.ConvertAll(r => r.Route),
            },
        };
    }

    private static void HttpRoutes(HttpRoute route, int r, MeshService host, List<(int Port, string Protocol)> listeners, bool multi, Action<VirtualRouterRoute, string> add, AppMeshExportContext ctx)
    {
        var routePath = $"$.spec.routes[{r}]";
        var ports = listeners.FindAll(l => ListenerProtocols.IsHttpFamily(l.Protocol));
        if (ports.Count == 0)
        {
            ctx.Unsupported(routePath, $"'{host.Reference}' has no HTTP, HTTP/2 or gRPC port, and App Mesh writes HTTP routes on such listeners only: the route is not written.");
            return;
        }
        for (var k = 0; k < route.Rules.Count; k++)
        {
            var rule = route.Rules[k];
            var rulePath = $"{routePath}.rules[{k}]";
            ReportRuleFeatures(rule, rulePath, ctx);
            if (rule.Backends.IsEmpty) continue;
            var matchCount = Math.Max(1, rule.Matches.Count);
            for (var m = 0; m < matchCount; m++)
            {
                HttpMatch? match = rule.Matches.IsEmpty ? null : rule.Matches[m];
                var matchPath = $"{rulePath}.matches[{m}]";
                foreach (var (port, protocol) in ports)
                {
                    int? listenerPort = multi ? port : null;
                    var action = TargetMapping.ToAppMesh(rule.Backends, $"{rulePath}.backends", host.Namespace, listenerPort, ctx);
                    if (action is null) continue;
                    GrpcRouteMatch? grpcMatch = null;
                    HttpRouteMatch? httpMatch = null;
                    if (protocol == ListenerProtocols.Grpc)
                    {
                        grpcMatch = MatchMapping.Grpc(match, matchPath, listenerPort, ctx);
                        if (grpcMatch is null) continue;
                    }
                    else
                    {
                        httpMatch = MatchMapping.Http(match, matchPath, listenerPort, ctx);
                    }
                    var name = RouteNames.Of(route.Name, k, rule.Matches.Count > 1 ? m : null, listenerPort);
                    add(Typed(
                        name,
                        protocol,
                        listenerPort,
                        action,
                        grpcMatch,
                        httpMatch,
                        retry: protocol == ListenerProtocols.Grpc ? null : RetryMapping.ToAppMesh(rule.Retry, $"{rulePath}.retry", grpc: false, ctx),
                        grpcRetry: protocol == ListenerProtocols.Grpc ? RetryMapping.ToAppMesh(rule.Retry, $"{rulePath}.retry", grpc: true, ctx) : null,
                        timeout: TimeoutMapping.ToAppMesh(rule.Timeout, $"{rulePath}.timeout", ctx)), rulePath);
                }
            }
        }
    }

    private static void TcpRoutes(TcpRoute route, int t, MeshService host, List<(int Port, string Protocol)> listeners, bool multi, Action<VirtualRouterRoute, string> add, AppMeshExportContext ctx)
    {
        var path = $"$.spec.tcpRoutes[{t}]";
        var ports = listeners.Where(l => l.Protocol == ListenerProtocols.Tcp && (route.Port is null || l.Port == route.Port)).Select(l => l.Port).ToList();
        if (ports.Count == 0)
        {
            ctx.Unsupported(route.Port is null ? path : $"{path}.port", route.Port is { } p
                ? string.Create(CultureInfo.InvariantCulture, $"App Mesh writes TCP routes on tcp listeners only, and port {p} of '{host.Reference}' is not a TCP or TLS port: the route is not written.")
                : $"'{host.Reference}' has no TCP or TLS port, and App Mesh writes TCP routes on tcp listeners only: the route is not written.");
            return;
        }
        foreach (var port in ports)
        {
            int? listenerPort = multi ? port : null;
            var action = TargetMapping.ToAppMesh(route.Backends, $"{path}.backends", host.Namespace, listenerPort, ctx);
            if (action is null) continue;
            add(new VirtualRouterRoute
            {
                Name = RouteNames.OfTcp(route.Name, listenerPort),
                TcpRoute = new TcpRouteSpec { Match = listenerPort is { } lp ? new TcpRouteMatch { Port = lp } : null, Action = action },
            }, path);
        }
    }

    private static VirtualRouterRoute Typed(string name, string protocol, int? port, RouteAction action, GrpcRouteMatch? grpcMatch, HttpRouteMatch? httpMatch, Resources.RetryPolicy? retry, Resources.RetryPolicy? grpcRetry, RouteTimeout? timeout)
    {
        var route = new VirtualRouterRoute { Name = name };
        switch (protocol)
        {
            case ListenerProtocols.Grpc:
                route.GrpcRoute = new GrpcRouteSpec { Match = grpcMatch ?? new GrpcRouteMatch { Port = port }, Action = action, RetryPolicy = grpcRetry, Timeout = timeout };
                break;
            case ListenerProtocols.Http2:
                route.Http2Route = new HttpRouteSpec { Match = httpMatch, Action = action, RetryPolicy = retry, Timeout = timeout };
                break;
            case ListenerProtocols.Http:
                route.HttpRoute = new HttpRouteSpec { Match = httpMatch, Action = action, RetryPolicy = retry, Timeout = timeout };
                break;
            default:
                route.TcpRoute = new TcpRouteSpec { Match = port is { } p ? new TcpRouteMatch { Port = p } : null, Action = action };
                break;
        }
        return route;
    }

    /// <summary>What a rule says that App Mesh routes cannot: each part is reported at its path and not written.</summary>
    private static void ReportRuleFeatures(HttpRouteRule rule, string path, AppMeshExportContext ctx)
    {
        if (rule.Mirror is not null) ctx.Unsupported($"{path}.mirror", "App Mesh has no traffic mirroring: the mirror is not written.");
        if (rule.Fault is not null) ctx.Unsupported($"{path}.fault", "App Mesh has no fault injection: the fault is not written.");
        if (rule.Rewrite is not null) ctx.Unsupported($"{path}.rewrite", "App Mesh rewrites only at its ingress gateway (GatewayRoute), not between services: the rewrite is not written.");
        if (rule.Redirect is not null) ctx.Unsupported($"{path}.redirect", rule.Backends.IsEmpty ? "App Mesh routes have no redirect action: the redirecting rule is not written." : "App Mesh routes have no redirect action: the redirect is not written.");
        if (rule.RequestHeaders is not null) ctx.Unsupported($"{path}.requestHeaders", "App Mesh routes cannot change headers: the request header changes are not written.");
        if (rule.ResponseHeaders is not null) ctx.Unsupported($"{path}.responseHeaders", "App Mesh routes cannot change headers: the response header changes are not written.");
        if (rule.Cors is not null) ctx.Unsupported($"{path}.cors", "App Mesh has no CORS policy: the CORS policy is not written.");
        for (var m = 0; m < rule.Matches.Count; m++)
        {
            var match = rule.Matches[m];
            if (!match.SourceLabels.IsEmpty) ctx.Unsupported($"{path}.matches[{m}].sourceLabels", "App Mesh route matches hold the request only, not the calling virtual node: the source label condition is not written (the route applies to every caller).");
            if (match.SourceNamespace is not null) ctx.Unsupported($"{path}.matches[{m}].sourceNamespace", "App Mesh route matches hold the request only, not the calling virtual node: the source namespace condition is not written (the route applies to every caller).");
            if (match.Port is not null) ctx.Unsupported($"{path}.matches[{m}].port", "App Mesh's match.port selects the router listener, and this translation writes each rule on every listener of the host and reads the port back as the listener's: the condition is not written (the rule applies on every port).");
        }
    }

    // App Mesh → model.
    private static bool IsPortVariant(string name, string stem) =>
        name.Length > stem.Length + 2 && name.StartsWith(stem + "-p", StringComparison.Ordinal) && name.AsSpan(stem.Length + 2).ContainsAnyExceptInRange('0', '9') == false;

    /// <summary>The annotation naming the route the export wrote only to spread traffic over subsets.</summary>
    public const string ImplicitRoute = "mesh-sdk.io/implicit-route";

    /// <summary>The router's listeners (ports and protocols), reporting what the model does not carry.</summary>
    public static List<(int Port, Protocol Protocol)> ReadListeners(ImportDocument<VirtualRouter> router, ImportContext ctx)
    {
        var (source, spec) = (router.Source, router.Resource.Spec);
        if (spec.AwsName is not null) ctx.NotImportedInfo(source, "$.spec.awsName", "The App Mesh name of a router is derived on export; it is not part of the model.");
        if (spec.MeshRef is not null) ctx.NotImportedInfo(source, "$.spec.meshRef", "The mesh reference is set by the App Mesh controller.");
        var result = new List<(int, Protocol)>();
        for (var i = 0; i < (spec.Listeners?.Count ?? 0); i++)
        {
            if (ListenerMapping.ToModel(spec.Listeners![i]?.PortMapping, source, $"$.spec.listeners[{i}].portMapping", ctx) is { } port) result.Add(port);
        }
        return result;
    }

    /// <summary>Every weighted target reference of the router (to find the labels its targets share).</summary>
    public static IEnumerable<AppMeshReference> TargetRefs(VirtualRouter router) =>
        (router.Spec.Routes ?? []).Where(r => r is not null)
            .SelectMany(r => (r.HttpRoute?.Action ?? r.Http2Route?.Action ?? r.GrpcRoute?.Action ?? r.TcpRoute?.Action)?.WeightedTargets ?? [])
            .Where(t => t?.VirtualNodeRef is { Name.Length: > 0 })
            .Select(t => t.VirtualNodeRef!);

    /// <summary>The routes of <paramref name="router"/> on <paramref name="host"/>.</summary>
    public static RouterRoutes ToModel(
        ImportDocument<VirtualRouter> router,
        ServiceRef host,
        IReadOnlyList<(int Port, Protocol Protocol)> listeners,
        Func<AppMeshReference, NodeTarget?> resolve,
        Func<string, string> routeName,
        bool report,
        ImportContext ctx)
    {
        var quiet = report ? ctx : new ImportContext(ctx.Provider, ctx.DefaultNamespace);
        var source = router.Source;
        var implicitRoute = router.Resource.Metadata?.Annotations is { } annotations && annotations.TryGetValue(ImplicitRoute, out var implicitName) ? implicitName : null;
        var rules = new RuleGroups();
        var tcp = new List<TcpRoute>();
        foreach (var (route, index) in Ordered(router.Resource.Spec.Routes, source, quiet))
        {
            var path = $"$.spec.routes[{index}]";
            if (string.IsNullOrEmpty(route.Name))
            {
                quiet.Invalid(source, path + ".name", "A route needs a name.");
                continue;
            }
            var kinds = (route.HttpRoute is null ? 0 : 1) + (route.Http2Route is null ? 0 : 1) + (route.GrpcRoute is null ? 0 : 1) + (route.TcpRoute is null ? 0 : 1);
            if (kinds != 1)
            {
                quiet.Invalid(source, path, "A route takes exactly one of httpRoute, http2Route, grpcRoute or tcpRoute.");
                continue;
            }
            // The implicit route (one per listener, -p<port>, on a router with several) stands for "no route".
            if (implicitRoute is not null && (string.Equals(route.Name, implicitRoute, StringComparison.Ordinal) || IsPortVariant(route.Name, implicitRoute))) continue;
            if (route.TcpRoute is { } tcpRoute)
            {
                if (Tcp(tcpRoute, route.Name, router, host, listeners, resolve, routeName, tcp.Count, source, path + ".tcpRoute", quiet) is { } t) tcp.Add(t);
                continue;
            }
            var (field, match, action, retry, timeout, grpc) = route switch
            {
                { HttpRoute: { } h } => ("httpRoute", MatchMapping.ToModel(h.Match, source, path + ".httpRoute.match", quiet), h.Action, h.RetryPolicy, h.Timeout, false),
                { Http2Route: { } h2 } => ("http2Route", MatchMapping.ToModel(h2.Match, source, path + ".http2Route.match", quiet), h2.Action, h2.RetryPolicy, h2.Timeout, false),
                _ => ("grpcRoute", MatchMapping.ToModel(route.GrpcRoute!.Match, source, path + ".grpcRoute.match", quiet), route.GrpcRoute.Action, route.GrpcRoute.RetryPolicy, route.GrpcRoute.Timeout, true),
            };
            if (match is null) continue;
            var at = $"{path}.{field}";
            var parsed = RouteNames.TryParse(route.Name, out var modelRoute, out var rule, out _);
            var matchPort = route.HttpRoute?.Match?.Port ?? route.Http2Route?.Match?.Port ?? route.GrpcRoute?.Match?.Port;
            if (matchPort is { } mp && !(listeners.Count == 1 && listeners[0].Port == mp) && !(parsed && listeners.Count > 1 && listeners.Any(l => l.Port == mp)))
            {
                quiet.NotImported(source, at + ".match.port", string.Create(CultureInfo.InvariantCulture, $"The model's rules apply on every port of the host; the condition port={mp} was dropped."));
            }
            if (TargetMapping.ToModel(action, resolve, source, at + ".action", quiet) is not { } backends) continue;
            if (backends.Count == 0)
            {
                quiet.NotImported(source, at + ".action", "No target of this route is in the input; the rule was skipped.");
                continue;
            }
            // A multi-listener router repeats each rule per port: targets on the request's port are told apart by RuleGroups.
            var listenerPort = listeners.Count > 1 ? matchPort : null;
            var draft = new RuleDraft(match.Match, backends, RetryMapping.ToModel(retry, grpc, source, at + ".retryPolicy", quiet), TimeoutMapping.ToModel(timeout, source, at + ".timeout", quiet), listenerPort);
            var name = routeName(parsed ? modelRoute : router.Name);
            rules.Add(name, parsed ? rule.ToString(CultureInfo.InvariantCulture) : "#" + index.ToString(CultureInfo.InvariantCulture), draft, source, at);
        }
        var http = rules.Routes(quiet).Select(r => new HttpRoute { Name = r.Name, Namespace = host.Namespace, Host = host, Rules = r.Rules }).ToList();
        return new RouterRoutes(http, FoldTcp(tcp, listeners));
    }

    /// <summary>
    /// A TCP route on every TCP port of a router with several listeners is written once per port (<c>name-p&lt;port&gt;</c>);
    /// read back, the copies share a name. Copies with the same backends on exactly the router's TCP ports are one route on every
    /// port again; other copies keep their port in their name, so that no two routes share one.
    /// </summary>
    private static List<TcpRoute> FoldTcp(List<TcpRoute> routes, IReadOnlyList<(int Port, Protocol Protocol)> listeners)
    {
        if (routes.Select(r => r.Name).Distinct(StringComparer.Ordinal).Count() == routes.Count) return routes;
        var tcpPorts = listeners.Where(l => l.Protocol == Protocol.Tcp).Select(l => l.Port).Order().ToList();
        var folded = new List<TcpRoute>();
        foreach (var group in routes.GroupBy(r => r.Name, StringComparer.Ordinal))
        {
            var copies = group.ToList();
            if (copies.Count == 1)
            {
                folded.Add(copies[0]);
            }
            else if (copies.All(c => c.Backends == copies[0].Backends) && copies.Select(c => c.Port).OfType<int>().Order().SequenceEqual(tcpPorts) && copies.All(c => c.Port is not null))
            {
                folded.Add(copies[0] with { Port = null });
            }
            else
            {
                folded.AddRange(copies.Select((c, i) => c.Port is { } port ? c with { Name = string.Create(CultureInfo.InvariantCulture, $"{c.Name}-p{port}") } : i == 0 ? c : c with { Name = string.Create(CultureInfo.InvariantCulture, $"{c.Name}-{i}") }));
            }
        }
        return folded;
    }

    /// <summary>Routes by priority (0 first), then those without one in document order; two or more of those are noted.</summary>
    private static IEnumerable<(VirtualRouterRoute Route, int Index)> Ordered(List<VirtualRouterRoute>? routes, string source, ImportContext ctx)
    {
        var prioritised = new List<(VirtualRouterRoute, int, int)>();
        var unprioritised = new List<(VirtualRouterRoute, int)>();
        for (var i = 0; i < (routes?.Count ?? 0); i++)
        {
            if (routes![i] is not { } route) continue;
            if (route.Priority is not { } priority) unprioritised.Add((route, i));
            else if (priority is < 0 or > 1000) ctx.Invalid(source, $"$.spec.routes[{i}].priority", "A route's priority is between 0 and 1000.");
            else prioritised.Add((route, i, priority));
        }
        if (unprioritised.Count >= 2)
        {
            foreach (var (_, i) in unprioritised)
            {
                ImportNotes.Note(ctx, source, $"$.spec.routes[{i}].priority", "App Mesh does not order routes without a priority; they were read after the prioritised ones, in document order.");
            }
        }
        return prioritised.OrderBy(r => r.Item3).Select(r => (r.Item1, r.Item2)).Concat(unprioritised);
    }

    private static TcpRoute? Tcp(TcpRouteSpec spec, string name, ImportDocument<VirtualRouter> router, ServiceRef host, IReadOnlyList<(int Port, Protocol Protocol)> listeners,
        Func<AppMeshReference, NodeTarget?> resolve, Func<string, string> routeName, int count, string source, string path, ImportContext ctx)
    {
        TimeoutMapping.Report(spec.Timeout, source, path + ".timeout", ctx);
        if (TargetMapping.ToModel(spec.Action, resolve, source, path + ".action", ctx) is not { Count: > 0 } backends) return null;
        var port = spec.Match?.Port ?? (listeners.Count(l => l.Protocol == Protocol.Tcp) == 1 ? listeners.First(l => l.Protocol == Protocol.Tcp).Port : null);
        var modelName = RouteNames.TryParseTcp(name, out var parsed) ? parsed : count == 0 ? router.Name : $"{router.Name}-{count}";
        return new TcpRoute { Name = routeName(modelName), Namespace = host.Namespace, Host = host, Port = port, Backends = [.. backends] };
    }
}

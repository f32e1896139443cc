using k8s.Models;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi;
using Mesh.Providers.GatewayApi.Mapping;
using Mesh.Providers.GatewayApi.Translation;
using Mesh.Providers.Linkerd.Resources;
using GatewayResources = Mesh.Providers.GatewayApi.Resources;
using static Mesh.Providers.Linkerd.Mapping.EgressRouteMapping;

namespace Mesh.Providers.Linkerd.Mapping;

/// <summary>
/// A model route on an external service ↔ an HTTPRoute or GRPCRoute on the service's <c>EgressNetwork</c> (its own, or the
/// namespace's shared one, as <see cref="EgressMapping"/> plans it) whose rules do more than let the traffic leave.
/// <para>
/// Written: the route's rules as for a route on a Service (<see cref="HttpRouteMapping"/> with Linkerd's
/// <see cref="RouteMapping.Dialect"/>: matches, request header modifiers, redirects; retries and a shared timeout as
/// annotations, <see cref="RetryTimeoutAnnotationMapping"/>), attached to the EgressNetwork on the service's HTTP ports (one
/// port when every match names it; the gRPC ports keep their GRPCRoutes, unless the service has only gRPC ports, where a
/// route whose rules fit is a GRPCRoute), with the service's hosts as <c>hostnames</c>. A backend that is the external
/// service itself becomes the EgressNetwork (Linkerd's original destination: the address and port the client called); a
/// backend that is a Service of the cluster stays that Service (Linkerd sends egress there instead); weights are kept.
/// Subsets of the external service, a port other than the one called, and backends that are other external services are
/// reported. The route takes the place of the one-rule route <see cref="EgressRouteMapping"/> writes for each of those ports:
/// Linkerd picks, among the routes of a port, the rule whose host name and then request match is most specific, so a
/// forwarding route beside it with the same host names would take every request the route's rules leave to it (and tie with
/// a rule that matches everything); requests no rule matches take the EgressNetwork's default route instead (refused under
/// <c>trafficPolicy: Deny</c>, let out under <c>Allow</c>), which is reported. It is written in the external service's
/// namespace (where its EgressNetwork is; Linkerd applies a route on another namespace's EgressNetwork only to the clients
/// of that namespace), named after the model route on the service's own network; on the shared network, whose routes are
/// told apart by the service's name, as the one-rule route of the port it covers (<c>&lt;service&gt;-&lt;port&gt;</c>) or, for
/// several ports, as the service (read back, the route is named after the service).
/// </para>
/// <para>
/// Read: an HTTPRoute or GRPCRoute on an EgressNetwork that routes (<see cref="IsRouting"/>) is read like a route on a
/// Service — its EgressNetwork backends as the external service, its Service backends as those services — into a route on
/// the external service it was read into (named after the route on a network with addresses, after the service on a
/// namespace's network); the model has one route per host, so a second such route of one external service is reported.
/// </para>
/// </summary>
internal static class ExternalRouteMapping
{
    /// <summary>A model route written on an external service's EgressNetwork: the route, its path, the indexes of the ports it is written for, its kind and name.</summary>
    internal sealed record Planned(HttpRoute Route, string Path, int[] Ports, bool Grpc, string Name);

    /// <summary>
    /// Model → Linkerd: attaches each route on an external service to the service's plan (<see cref="EgressMapping.Plan.Routed"/>),
    /// giving the ports it is written for the kind of its route; what cannot be written is reported.
    /// <paramref name="written"/> holds the resources already written (mesh routes, access policies).
    /// </summary>
    public static void Plan(MeshConfig config, List<EgressMapping.Plan> plans, LinkerdOptions options, RouteExportContext ctx, IReadOnlySet<(string Kind, string Namespace, string Name)> written)
    {
        for (var i = 0; i < config.Routes.Count; i++)
        {
            var route = config.Routes[i];
            // An external service enrolled in the mesh is a Service of ExternalWorkloads: its routes are mesh routes (RouteMapping).
            if (ctx.FindExternal(route.Host) is not { } external || ExternalWorkloadMapping.IsEnrolled(external)) continue;
            var path = $"$.spec.routes[{i}]";
            var plan = plans.Find(p => p.Service.Namespace == external.Namespace && p.Service.Name == external.Name);
            if (plan is null || !ReferenceEquals(plan.Service, external))
            {
                ctx.Unsupported(path, $"External service '{route.Host}' is not written (see its diagnostics), so its route is not written either.");
                continue;
            }
            if (plan.Routed is { } other)
            {
                ctx.Unsupported(path, $"Route '{other.Route.Namespace}/{other.Route.Name}' is already written on external service '{route.Host}'; this route is not written.");
                continue;
            }
            var http = Enumerable.Range(0, external.Ports.Count).Where(k => plan.Kinds[k] is RouteKind.Http or RouteKind.Grpc).ToArray();
            if (http.Length == 0)
            {
                ctx.Unsupported(path, $"Linkerd applies HTTP and gRPC routes to the HTTP and gRPC ports of an EgressNetwork, and external service '{route.Host}' has none: the route is not written.");
                continue;
            }
            var grpc = HttpRouteMapping.IsGrpc(route, Host(external, http), RouteMapping.Dialect);
            // An HTTPRoute takes the HTTP ports and leaves the gRPC ones their GRPCRoutes (which Linkerd prefers on a port), unless
            // the service has gRPC ports only.
            var ports = grpc ? http : http.Where(k => external.Ports[k].Protocol != Protocol.Grpc).ToArray() is { Length: > 0 } plain ? plain : http;
            var left = http.Except(ports).Select(k => external.Ports[k].Port).ToList();
            if (left.Count > 0)
            {
                ctx.Approximated(path, $"The route is written as an HTTPRoute (its rules do not all fit a GRPCRoute, or the service has HTTP ports too) on the HTTP ports of '{route.Host}': its gRPC {(left.Count == 1 ? "port" : "ports")} {string.Join(", ", left)} keep the GRPCRoute that lets every call leave, and the route's rules do not apply there.");
            }
            if (MatchPort(route) is { } only && Array.FindIndex(ports, k => external.Ports[k].Port == only) is >= 0 and var at) ports = [ports[at]];
            // On the shared network the route takes the name that reads back as its service's: that of the one-rule route of the
            // port it covers (<service>-<port>), or the service's for several ports.
            var name = plan.OwnNetwork ? route.Name : ports.Length == 1 ? $"{external.Name}-{external.Ports[ports[0]].Port}" : external.Name;
            var readBack = plan.OwnNetwork ? route.Name : external.Name;
            var (group, kind) = Identity(grpc ? RouteKind.Grpc : RouteKind.Http, options);
            // The name must not be one of the one-rule routes still written in the namespace (those of the ports this route covers are
            // not); those of own networks give way to it (EgressMapping.DefaultRouteName).
            var covered = ports;
            if (written.Contains(($"{group}/{kind}", external.Namespace, name))
                || plans.Exists(p => p.Service.Namespace == external.Namespace && !p.OwnNetwork && p.Service.Ports.Where((x, k) => !(ReferenceEquals(p, plan) && covered.Contains(k)) && p.Kinds[k] != RouteKind.None && Identity(p.Kinds[k], options) == (group, kind)).Any(x => $"{p.Service.Name}-{x.Port}" == name)))
            {
                ctx.Unsupported(path, $"A {kind} named '{name}' is already written in namespace '{external.Namespace}'; the route is not written, and the ports of '{route.Host}' keep routes that let every request leave.");
                continue;
            }
            if (route.Name != readBack)
            {
                ctx.Approximated($"{path}.name", $"The routes on namespace '{external.Namespace}''s shared EgressNetwork are told apart by the name of their external service: the route is written as '{name}' and reads back as '{readBack}'.");
            }
            if (route.Namespace != external.Namespace)
            {
                ctx.Approximated($"{path}.namespace", $"Linkerd applies a route on an EgressNetwork to the clients of the network's namespace only: the route is written in '{external.Namespace}', beside the EgressNetwork of '{route.Host}', and reads back there.");
            }
            foreach (var k in ports)
            {
                plan.Kinds[k] = grpc ? RouteKind.Grpc : RouteKind.Http;
                if (!grpc && external.Ports[k].Protocol == Protocol.Grpc)
                {
                    ctx.Approximated($"{plan.Path}.ports[{k}].protocol", $"The route '{route.Namespace}/{route.Name}' is written as an HTTPRoute on this port (it matches gRPC too, and Linkerd applies one kind of route per port): the port reads back as http.");
                }
            }
            if (route.Rules.All(r => r.Matches.IsEmpty && r.Timeout is null && r.Retry is null && r.Fault is null && r.Mirror is null && r.Rewrite is null && r.Redirect is null && r.RequestHeaders is null && r.ResponseHeaders is null && r.Cors is null && r.Backends.All(b => b.Service == route.Host && b.Subset is null && b.Port is null)))
            {
                ctx.Note(path, $"The route sends every request to '{route.Host}' unchanged: it is written as the route that lets them leave, which reads back as no route.");
            }
            plan.Routed = new Planned(route, path, ports, grpc, name);
        }
    }

    /// <summary>The port every match of every rule names, or null.</summary>
    private static int? MatchPort(HttpRoute route)
    {
        int? shared = null;
        foreach (var rule in route.Rules)
        {
            if (rule.Matches.IsEmpty) return null;
            foreach (var match in rule.Matches)
            {
                if (match.Port is not { } port || (shared is { } s && s != port)) return null;
                shared = port;
            }
        }
        return shared;
    }

    /// <summary>The external service as the host service the Gateway API mapping writes the route for: its ports <paramref name="ports"/>.</summary>
    private static MeshService Host(ExternalService external, IEnumerable<int> ports) => new()
    {
        Name = external.Name,
        Namespace = external.Namespace,
        Ports = [.. ports.Select(k => external.Ports[k] with { Name = null, TargetPort = null })],
    };

    /// <summary>
    /// Model → Linkerd: the route of <paramref name="planned"/> on <paramref name="network"/>, with <paramref name="hosts"/> as
    /// its host names; <paramref name="grpc"/> says whether it is still a GRPCRoute once the ports' kinds are settled.
    /// </summary>
    public static object ToLinkerd(Planned planned, EgressMapping.Plan plan, string network, bool grpc, List<string> hosts, LinkerdOptions options, RouteExportContext ctx)
    {
        var external = plan.Service;
        var reference = new ServiceRef(external.Name, external.Namespace);
        var route = planned.Route;
        var path = planned.Path;
        var ports = planned.Ports.Select(k => external.Ports[k].Port).ToList();
        // The rules as the Gateway API mapping takes them: a backend that is the external service gets a port (the EgressNetwork
        // backend written in its place needs none); a rule with a backend that is another external service is left out.
        var rules = new List<HttpRouteRule>(route.Rules.Count);
        var index = new List<int>(route.Rules.Count);
        for (var k = 0; k < route.Rules.Count; k++)
        {
            var rule = route.Rules[k];
            var rulePath = $"{path}.rules[{k}]";
            var backends = new List<WeightedBackend>(rule.Backends.Count);
            var elsewhere = false;
            for (var j = 0; j < rule.Backends.Count; j++)
            {
                var b = rule.Backends[j];
                var at = $"{rulePath}.backends[{j}]";
                if (b.Service == reference)
                {
                    backends.Add(OriginalDestination(b, ports, at, ctx));
                }
                else if (ctx.FindExternal(b.Service) is not null)
                {
                    ctx.Unsupported(at, $"Linkerd sends egress to the original destination or to a Service of the cluster, not to another external service ('{b.Service}'): the rule is not written, and the requests it matches take the other rules or the EgressNetwork's default route.");
                    elsewhere = true;
                }
                else
                {
                    backends.Add(b);
                }
            }
            if (elsewhere) continue;
            rules.Add(rule with { Backends = [.. backends] });
            index.Add(k);
        }
        if (!route.Rules.IsEmpty && route.Rules.All(r => !r.Matches.IsEmpty))
        {
            ctx.Approximated(path, $"Linkerd adds the EgressNetwork's default route after the routes of a port: requests to {string.Join(", ", hosts)} that no rule matches are refused with trafficPolicy Deny and leave unchanged with Allow, where the model answers them 404.");
        }
        var written = route with { Name = planned.Name, Namespace = external.Namespace, Rules = [.. rules] };
        // The mapping sees the external service as a Service of the given ports; its diagnostics come back with the model's rule indexes.
        var sub = new RouteExportContext(
            new GatewayApiOptions { DefaultNamespace = options.DefaultNamespace, EmitGrpcRoutes = grpc },
            ctx.Config with { Services = [.. ctx.Config.Services, Host(external, planned.Ports)] },
            RouteMapping.Dialect,
            ctx.Leaves);
        var resource = HttpRouteMapping.ToGatewayApi(written, path, sub);
        Dictionary<string, string>? annotations;
        object result;
        switch (resource)
        {
            case GatewayResources.GrpcRoute g:
                annotations = RetryTimeoutAnnotationMapping.ToLinkerd(written, grpc: true, path, sub, null);
                g.Spec.ParentRefs = Parents(g.Spec.ParentRefs, network, external.Namespace);
                g.Spec.Hostnames = [.. hosts];
                foreach (var rule in g.Spec.Rules ?? []) rule.BackendRefs = Backends(rule.BackendRefs, reference, network, external.Namespace);
                g.Metadata.Annotations = annotations;
                result = g;
                break;
            default:
                var http = (GatewayResources.HttpRoute)resource;
                annotations = RetryTimeoutAnnotationMapping.ToLinkerd(written, grpc: false, path, sub, http.Spec.Rules);
                http.Spec.ParentRefs = Parents(http.Spec.ParentRefs, network, external.Namespace);
                http.Spec.Hostnames = [.. hosts];
                foreach (var rule in http.Spec.Rules ?? []) rule.BackendRefs = Backends(rule.BackendRefs, reference, network, external.Namespace);
                http.Metadata.Annotations = annotations;
                result = options.RouteApi == LinkerdRouteApi.Policy ? new PolicyHttpRoute { Metadata = http.Metadata, Spec = http.Spec } : http;
                break;
        }
        foreach (var diagnostic in sub.Diagnostics) ctx.Diagnostics.Add(diagnostic with { Path = RulePath(diagnostic.Path, path, index) });
        return Ownership.From(result, ModelObjectNames.Of(route), ModelObjectNames.Of(external));
    }

    /// <summary>A diagnostic's path with the rule index of the written route turned back into the model's (rules may have been left out).</summary>
    private static string RulePath(string diagnosticPath, string path, List<int> index)
    {
        var prefix = path + ".rules[";
        if (!diagnosticPath.StartsWith(prefix, StringComparison.Ordinal)) return diagnosticPath;
        var end = diagnosticPath.IndexOf(']', prefix.Length);
        if (end < 0 || !int.TryParse(diagnosticPath.AsSpan(prefix.Length, end - prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k) || k >= index.Count) return diagnosticPath;
        return prefix + index[k].ToString(System.Globalization.CultureInfo.InvariantCulture) + diagnosticPath[end..];
    }

    /// <summary>The Service parents the mapping wrote, as the EgressNetwork on the same ports.</summary>
    private static List<GatewayResources.ParentReference> Parents(List<GatewayResources.ParentReference>? parents, string network, string ns) =>
        [.. (parents ?? []).Select(p => new GatewayResources.ParentReference { Group = EgressNetwork.KubeGroup, Kind = EgressNetwork.KubeKind, Namespace = ns, Name = network, Port = p.Port })];

    /// <summary>The backendRefs with the external service as the EgressNetwork (the original destination, without a port) and the others' namespaces relative to <paramref name="ns"/>.</summary>
    private static List<GatewayResources.BackendRef>? Backends(List<GatewayResources.BackendRef>? backends, ServiceRef external, string network, string ns)
    {
        if (backends is null) return null;
        var result = new List<GatewayResources.BackendRef>(backends.Count);
        foreach (var b in backends)
        {
            // The mapping wrote the route in the external service's namespace already; a namespace it left out is that one.
            var service = new ServiceRef(b.Name ?? string.Empty, b.Namespace ?? ns);
            if (service == external && b.Kind is null or "Service")
            {
                result.Add(new GatewayResources.BackendRef { Group = EgressNetwork.KubeGroup, Kind = EgressNetwork.KubeKind, Name = network, Weight = b.Weight });
                continue;
            }
            result.Add(b);
        }
        return result;
    }

    /// <summary>
    /// Whether an egress route routes, rather than only letting the traffic to its hosts leave: an HTTPRoute or GRPCRoute with
    /// a match, a filter, a timeout, a retry or timeout annotation, more than one backend, a weight or port on its backend, or a
    /// backend that is not one of its EgressNetwork parents. TLSRoutes never are (the model has no such routes on external
    /// services); a TCPRoute that routes is read by <see cref="ExternalTcpRouteMapping"/>.
    /// </summary>
    public static bool IsRouting(object resource, V1ObjectMeta? metadata, IReadOnlySet<string> networks)
    {
        if (resource is not (PolicyHttpRoute or GatewayResources.HttpRoute or GatewayResources.GrpcRoute)) return false;
        if (metadata?.Annotations?.Keys.Any(LinkerdAnnotations.Carried.Contains) == true) return true;
        bool Routes(List<GatewayResources.BackendRef>? backends) =>
            backends is { Count: > 1 } || backends?.Exists(b => b is null || b.Kind != EgressNetwork.KubeKind || b.Group != EgressNetwork.KubeGroup || !networks.Contains(b.Name ?? string.Empty) || b.Port is not null || b.Weight is not null) == true;
        return resource switch
        {
            PolicyHttpRoute p => p.Spec?.Rules?.Exists(r => r is not null && (r.Matches is { Count: > 0 } || r.Filters is { Count: > 0 } || r.Timeouts is not null || Routes(r.BackendRefs))) == true,
            GatewayResources.HttpRoute h => h.Spec?.Rules?.Exists(r => r is not null && (r.Matches is { Count: > 0 } || r.Filters is { Count: > 0 } || r.Timeouts is not null || Routes(r.BackendRefs))) == true,
            GatewayResources.GrpcRoute g => g.Spec?.Rules?.Exists(r => r is not null && (r.Matches is { Count: > 0 } || r.Filters is { Count: > 0 } || Routes(r.BackendRefs))) == true,
            _ => false,
        };
    }

    /// <summary>
    /// Linkerd → model: the routing routes read into external services (<see cref="RouteEntry.Owner"/>), in the order they were
    /// read, as model routes: one per external service (a second is reported), named after the route on a service's own
    /// network and after the service on a namespace's shared one.
    /// </summary>
    public static List<HttpRoute> ToModel(IEnumerable<RouteEntry> routes, IReadOnlyDictionary<ServiceRef, ExternalService> externals, ImportContext ctx)
    {
        var result = new List<HttpRoute>();
        var taken = new Dictionary<ServiceRef, string>();
        foreach (var entry in routes)
        {
            if (entry.Routing is not { } resource || resource is GatewayResources.TcpRoute || entry.Owner is not { } owner || !externals.TryGetValue(owner.Service, out var external)) continue;
            if (taken.TryGetValue(owner.Service, out var first))
            {
                ctx.NotImported(entry.Source, "$.spec.rules", $"Route '{first}' on external service '{owner.Service}' was read already, and the model has one route per host: the rules of this route were not imported.");
                continue;
            }
            taken[owner.Service] = $"{entry.Namespace}/{entry.Name}";
            var name = owner.OwnNetwork ? entry.Name : owner.Service.Name;
            if (name != entry.Name) ctx.NotImportedInfo(entry.Source, "$.metadata.name", $"Read as the route of external service '{owner.Service}', after which the routes on a namespace's shared EgressNetwork are named: it is named '{name}'.");
            var ports = entry.Parents.Select(p => p.Port).Distinct().Order().ToList();
            var http = external.Ports.Where(p => p.Protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc).Select(p => p.Port).ToList();
            var others = http.Except(ports).ToList();
            if (others.Count > 0)
            {
                ctx.NotImported(entry.Source, "$.spec.parentRefs", $"The route applies on port {string.Join(", ", ports)} only; a model route applies to every HTTP and gRPC port of its external service, so it was read for port {string.Join(", ", others)} of '{owner.Service}' too.");
            }
            if (Read(resource, entry, owner.Service, ports, ctx) is { } route) result.Add(route with { Name = name });
        }
        return result;
    }

    /// <summary>One routing route read like a route on a Service named as the external service, on <paramref name="ports"/>.</summary>
    private static HttpRoute? Read(object resource, RouteEntry entry, ServiceRef owner, List<int> ports, ImportContext ctx)
    {
        var scratch = new ModelBuilder();
        var networks = entry.Parents.Select(p => p.Network).ToHashSet(StringComparer.Ordinal);
        List<GatewayResources.ParentReference> parents = [.. ports.Select(p => new GatewayResources.ParentReference { Group = string.Empty, Kind = "Service", Name = owner.Name, Port = p })];
        var grpc = false;
        switch (resource)
        {
            case GatewayResources.GrpcRoute g:
                grpc = true;
                HttpRouteMapping.ToModel(new GatewayResources.GrpcRouteSpec
                {
                    ParentRefs = parents,
                    Rules = g.Spec?.Rules is { Count: > 0 } grpcRules
                        ? [.. grpcRules.Select((r, i) => r is null ? null! : new GatewayResources.GrpcRouteRule { Matches = r.Matches, Filters = r.Filters, BackendRefs = Backends(r.BackendRefs, owner, networks, entry, $"$.spec.rules[{i}].backendRefs", ctx) })]
                        : [new GatewayResources.GrpcRouteRule()],
                }, entry.Name, entry.Namespace, entry.Source, scratch, ctx);
                break;
            default:
                var spec = resource is PolicyHttpRoute p ? p.Spec : ((GatewayResources.HttpRoute)resource).Spec;
                HttpRouteMapping.ToModel(new GatewayResources.HttpRouteSpec
                {
                    ParentRefs = parents,
                    // Without rules, Gateway API's default rule matches every request and sends it to the parent.
                    Rules = spec?.Rules is { Count: > 0 } rules
                        ? [.. rules.Select((r, i) => r is null ? null! : new GatewayResources.HttpRouteRule { Matches = r.Matches, Filters = r.Filters, Timeouts = r.Timeouts, BackendRefs = Backends(r.BackendRefs, owner, networks, entry, $"$.spec.rules[{i}].backendRefs", ctx) })]
                        : [new GatewayResources.HttpRouteRule()],
                }, entry.Name, entry.Namespace, entry.Source, scratch, ctx);
                break;
        }
        if (scratch.Routes.Count == 0) return null;
        var route = scratch.Routes[^1];
        if (entry.Metadata?.Annotations is { Count: > 0 } annotations && annotations.Keys.Any(LinkerdAnnotations.Carried.Contains))
        {
            if (route.Rules.Count > 0) route = route with { Rules = [.. route.Rules.Select(RetryTimeoutAnnotationMapping.ToModel(annotations, grpc, entry.Source, ctx))] };
            else
            {
                foreach (var key in annotations.Keys.Where(LinkerdAnnotations.Carried.Contains).Order(StringComparer.Ordinal))
                {
                    ctx.NotImported(entry.Source, "$.metadata.annotations" + JsonPaths.Segment(key), "No rule of this route was imported, so the annotation applies to nothing in the model.");
                }
            }
        }
        return route with { Host = owner };
    }

    /// <summary>The backendRefs as the Gateway API mapping reads them: an EgressNetwork parent as the external service (a Service of its name, without a port); an EgressNetwork that is not a parent is reported and left out.</summary>
    internal static List<GatewayResources.BackendRef>? Backends(List<GatewayResources.BackendRef>? backends, ServiceRef owner, HashSet<string> networks, RouteEntry entry, string path, ImportContext ctx)
    {
        if (backends is null) return null;
        var result = new List<GatewayResources.BackendRef>(backends.Count);
        for (var j = 0; j < backends.Count; j++)
        {
            var b = backends[j];
            if (b is null || b.Kind != EgressNetwork.KubeKind)
            {
                result.Add(b!);
                continue;
            }
            var at = $"{path}[{j}]";
            if (b.Group != EgressNetwork.KubeGroup || !string.IsNullOrEmpty(b.Namespace) && b.Namespace != entry.Namespace || !networks.Contains(b.Name ?? string.Empty))
            {
                ctx.NotImported(entry.Source, at, "Linkerd sends to an EgressNetwork backend only when it is the route's parent (the original destination); this backend fails every request it gets and was not imported.");
                result.Add(null!);
                continue;
            }
            if (b.Port is not null) ctx.NotImported(entry.Source, $"{at}.port", "Linkerd sends egress to the original destination, on the port the client called; the backend's port was not imported.");
            result.Add(new GatewayResources.BackendRef { Name = owner.Name, Weight = b.Weight });
        }
        return result;
    }
}

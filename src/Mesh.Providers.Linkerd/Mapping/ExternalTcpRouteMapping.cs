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
/// A model TCP route on an external service ↔ a <see cref="RouteMapping.TcpApiVersion"/> TCPRoute on the service's own
/// <c>EgressNetwork</c> (<see cref="EgressMapping"/>) whose one rule does more than let the connections leave.
/// <para>
/// Linkerd takes TCPRoutes whose parent is an EgressNetwork on a port, and whose backends are the EgressNetwork itself (the
/// original destination: the address and port the client connected to) or Services of the cluster (egress sent there
/// instead). Written: the TCPRoute, named after the model route in the external service's namespace, with the network as
/// parent on each TCP port the route covers (its port, or every TCP port of the service) and the weighted backends: the
/// external service itself as the EgressNetwork, a cluster Service as itself (with its port, as for a TCP route on a
/// Service); it takes the place of the one-rule TCPRoutes <see cref="EgressRouteMapping"/> writes for those ports. A TCP
/// connection carries no host name, so only a service with addresses (its own network, which those addresses limit) has
/// its TCP routes written: on a namespace's shared network a TCPRoute would take the connections to every destination
/// outside the cluster on its port. Reported: such a service's route, a route on a port that is not a TCP port (Linkerd
/// applies the port's HTTPRoute, GRPCRoute or TLSRoute before a TCPRoute), a second route on a port, a name already taken,
/// subsets and other ports of the external service, and backends that are other external services (Linkerd sends egress
/// to the original destination or into the cluster only).
/// </para>
/// <para>
/// Read: a TCPRoute on an EgressNetwork with networks whose rule routes (<see cref="IsRouting"/>) becomes a TCP route on the
/// external service read from that network, named after the TCPRoute: its EgressNetwork backends as the external service,
/// its Service backends as those services, with their weights; on one TCP port of the service its port, on all of them
/// (two or more) none. A second such route on one port of a service is reported, as is one on a network without networks
/// (<see cref="EgressNetworkMapping.HostServices"/>).
/// </para>
/// </summary>
internal static class ExternalTcpRouteMapping
{
    /// <summary>A model TCP route written on an external service's EgressNetwork: the route, its path, and the indexes of the ports it is written for.</summary>
    internal sealed record Planned(TcpRoute Route, string Path, int[] Ports);

    /// <summary>
    /// Model → Linkerd: attaches each TCP route on an external service to the service's plan (<see cref="EgressMapping.Plan.TcpRouted"/>);
    /// what cannot be written is reported. <paramref name="written"/> holds the resources already written (mesh routes and TCP routes, access policies).
    /// </summary>
    public static void Plan(MeshConfig config, List<EgressMapping.Plan> plans, RouteExportContext ctx, IReadOnlySet<(string Kind, string Namespace, string Name)> written)
    {
        const string tcpKind = GatewayResources.TcpRoute.KubeGroup + "/" + GatewayResources.TcpRoute.KubeKind;
        var names = new HashSet<(string, string)>();
        for (var i = 0; i < config.TcpRoutes.Count; i++)
        {
            var route = config.TcpRoutes[i];
            // An external service enrolled in the mesh is a Service of ExternalWorkloads: its TCP routes are mesh TCP routes (RouteMapping).
            if (ctx.FindExternal(route.Host) is not { } external || ExternalWorkloadMapping.IsEnrolled(external)) continue;
            var path = $"$.spec.tcpRoutes[{i}]";
            var plan = plans.Find(p => p.Service.Namespace == external.Namespace && p.Service.Name == external.Name);
            if (plan is null || !ReferenceEquals(plan.Service, external))
            {
                ctx.Unsupported(path, $"External service '{route.Host}' is not written (see its diagnostics), so its TCP route is not written either.");
                continue;
            }
            if (!plan.OwnNetwork)
            {
                ctx.Unsupported(path, $"A TCP connection carries no host name to match: a TCPRoute on namespace '{external.Namespace}''s shared EgressNetwork would take the connections to every destination outside the cluster on its port, not only those to {string.Join(", ", external.Hosts)}, so the TCP route is not written. Give the external service its addresses to have it written on an EgressNetwork of those addresses.");
                continue;
            }
            int[] ports;
            if (route.Port is { } only)
            {
                var k = Enumerable.Range(0, external.Ports.Count).FirstOrDefault(x => external.Ports[x].Port == only, -1);
                if (k < 0) continue; // Validation reports a port the host does not have.
                if (plan.Kinds[k] != RouteKind.Tcp)
                {
                    ctx.Unsupported($"{path}.port", $"Linkerd applies one kind of route per port of an EgressNetwork, and port {only} of '{route.Host}' is a {WireNames.Of(external.Ports[k].Protocol)} port, whose {(plan.Kinds[k] == RouteKind.None ? "route is not written" : "route Linkerd applies before a TCPRoute")}: the TCP route is written for TCP ports only, so it is not written.");
                    continue;
                }
                ports = [k];
            }
            else
            {
                ports = [.. Enumerable.Range(0, external.Ports.Count).Where(k => plan.Kinds[k] == RouteKind.Tcp)];
                if (ports.Length == 0)
                {
                    ctx.Unsupported(path, $"The TCP route applies to the TCP ports of '{route.Host}', and it has none: the route is not written.");
                    continue;
                }
            }
            if (plan.TcpRouted.Find(p => p.Ports.Intersect(ports).Any()) is { } other)
            {
                ctx.Unsupported(path, $"TCP route '{other.Route.Namespace}/{other.Route.Name}' is already written on port {string.Join(", ", other.Ports.Intersect(ports).Select(k => external.Ports[k].Port))} of '{route.Host}', and Linkerd takes one TCPRoute per port of an EgressNetwork: this TCP route is not written.");
                continue;
            }
            // The name must be free among the TCPRoutes of the namespace: mesh TCP routes, other routes on external services, and
            // the one-rule TCPRoutes of the ports no route covers (on a shared network: those of own networks give way, see
            // EgressMapping.DefaultRouteName).
            var taken = written.Contains((tcpKind, external.Namespace, route.Name)) || names.Contains((external.Namespace, route.Name))
                || plans.Exists(p => p.Service.Namespace == external.Namespace && !p.OwnNetwork && p.Service.Ports.Where((x, k) => p.Kinds[k] == RouteKind.Tcp && !(ReferenceEquals(p, plan) && ports.Contains(k)) && !p.TcpRouted.Exists(t => t.Ports.Contains(k))).Any(x => $"{p.Service.Name}-{x.Port}" == route.Name));
            if (taken)
            {
                ctx.Unsupported(path, $"A TCPRoute named '{route.Name}' is already written in namespace '{external.Namespace}'; the TCP route is not written, and the ports of '{route.Host}' keep TCPRoutes that let every connection leave.");
                continue;
            }
            if (route.Namespace != external.Namespace)
            {
                ctx.Approximated($"{path}.namespace", $"Linkerd applies a route on an EgressNetwork to the clients of the network's namespace only: the TCP route is written in '{external.Namespace}', beside the EgressNetwork of '{route.Host}', and reads back there.");
            }
            if (route.Port is null && ports.Length == 1)
            {
                ctx.Note(path, $"The TCP route applies to every TCP port of '{route.Host}', which has one: the TCPRoute names port {external.Ports[ports[0]].Port}, and reads back with that port.");
            }
            if (route.Backends.Count == 1 && route.Backends[0] is { Subset: null } b && b.Service == route.Host && (b.Port is null || ports.Length == 1 && b.Port == external.Ports[ports[0]].Port))
            {
                ctx.Note(path, $"The TCP route sends every connection to '{route.Host}' unchanged: it is written as the TCPRoute that lets them leave, which reads back as no TCP route.");
            }
            names.Add((external.Namespace, route.Name));
            plan.TcpRouted.Add(new Planned(route, path, ports));
        }
    }

    /// <summary>Whether port <paramref name="k"/> of the plan's service has a model TCP route written for it.</summary>
    public static bool Covers(EgressMapping.Plan plan, int k) => plan.TcpRouted.Exists(t => t.Ports.Contains(k));

    /// <summary>
    /// Model → Linkerd: the TCPRoute of <paramref name="planned"/> on EgressNetwork <paramref name="network"/>, written by the
    /// Gateway API mapping (<see cref="TcpRouteMapping"/>) as a TCP route on a Service standing for the external service, whose
    /// parent and backend then become the EgressNetwork; null (reported) when no backend is left to write.
    /// </summary>
    public static GatewayResources.TcpRoute? ToLinkerd(Planned planned, EgressMapping.Plan plan, string network, LinkerdOptions options, RouteExportContext ctx)
    {
        var external = plan.Service;
        var route = planned.Route;
        var path = planned.Path;
        var ports = planned.Ports.Select(k => external.Ports[k].Port).ToList();
        // The backends as the mapping takes them: the external service with the port called (the EgressNetwork backend written in
        // its place needs none), other external services left out (reported); the model's backend indexes are kept for the diagnostics.
        var backends = new List<WeightedBackend>(route.Backends.Count);
        var index = new List<int>(route.Backends.Count);
        for (var j = 0; j < route.Backends.Count; j++)
        {
            var b = route.Backends[j];
            var at = $"{path}.backends[{j}]";
            if (b.Service == route.Host)
            {
                backends.Add(OriginalDestination(b, ports, at, ctx));
            }
            else if (ctx.FindExternal(b.Service) is not null)
            {
                ctx.Unsupported(at, $"Linkerd sends egress to the original destination or to a Service of the cluster, not to another external service ('{b.Service}'): the backend is not written, and its share of the connections goes to the other backends.");
                continue;
            }
            else
            {
                backends.Add(b);
            }
            index.Add(j);
        }
        if (!backends.Exists(b => b.Weight != 0))
        {
            ctx.Unsupported($"{path}.backends", $"No backend of this TCP route with a share of the connections can be written, so it is not written, and the ports of '{route.Host}' keep TCPRoutes that let every connection leave.");
            return null;
        }
        var written = route with { Namespace = external.Namespace, Port = ports.Count == 1 ? ports[0] : null, Backends = [.. backends] };
        var host = new MeshService
        {
            Name = external.Name,
            Namespace = external.Namespace,
            Ports = [.. planned.Ports.Select(k => external.Ports[k] with { Name = null, TargetPort = null })],
        };
        var sub = new RouteExportContext(
            new GatewayApiOptions { DefaultNamespace = options.DefaultNamespace },
            ctx.Config with { Services = [.. ctx.Config.Services, host], TcpRoutes = [written] },
            RouteMapping.Dialect,
            ctx.Leaves);
        var result = TcpRouteMapping.ToGatewayApi(sub.Config, sub, RouteMapping.TcpApiVersion);
        // The mapping's diagnostics come back with the model's path and backend indexes.
        foreach (var diagnostic in sub.Diagnostics) ctx.Diagnostics.Add(diagnostic with { Path = BackendPath(diagnostic.Path, path, index) });
        if (result is not [var (_, resource)]) return null;
        resource.Spec.ParentRefs = [.. ports.Select(p => new GatewayResources.ParentReference { Group = EgressNetwork.KubeGroup, Kind = EgressNetwork.KubeKind, Namespace = external.Namespace, Name = network, Port = p })];
        var reference = new ServiceRef(external.Name, external.Namespace);
        foreach (var rule in resource.Spec.Rules ?? [])
        {
            rule.BackendRefs = [.. (rule.BackendRefs ?? []).Select(b => b.Kind is null or "Service" && new ServiceRef(b.Name ?? string.Empty, b.Namespace ?? external.Namespace) == reference
                ? new GatewayResources.BackendRef { Group = EgressNetwork.KubeGroup, Kind = EgressNetwork.KubeKind, Name = network, Weight = b.Weight }
                : b)];
        }
        // Owned by the model's TCP route (under its own namespace) and by the external service it hangs on.
        resource.Metadata.Annotations = null;
        return Ownership.From(resource, ModelObjectNames.Of(route), ModelObjectNames.Of(external));
    }

    /// <summary>A diagnostic's path of the written TCP route (index 0, backends renumbered) as the model's.</summary>
    private static string BackendPath(string diagnosticPath, string path, List<int> index)
    {
        const string prefix = "$.spec.tcpRoutes[0]";
        if (!diagnosticPath.StartsWith(prefix, StringComparison.Ordinal)) return diagnosticPath;
        var rest = diagnosticPath[prefix.Length..];
        const string backends = ".backends[";
        if (rest.StartsWith(backends, StringComparison.Ordinal) && rest.IndexOf(']', StringComparison.Ordinal) is var end and > 0
            && int.TryParse(rest.AsSpan(backends.Length, end - backends.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k) && k < index.Count)
        {
            rest = backends + index[k].ToString(System.Globalization.CultureInfo.InvariantCulture) + rest[end..];
        }
        return path + rest;
    }

    /// <summary>
    /// Whether an egress TCPRoute of one rule routes, rather than only letting the connections leave: more than one backend, a
    /// weight or port on its backend, or a backend that is not one of its EgressNetwork parents.
    /// </summary>
    public static bool IsRouting(GatewayResources.TcpRoute route, IReadOnlySet<string> networks) =>
        route.Spec?.Rules is [{ BackendRefs: { Count: > 0 } backends }]
        && (backends.Count > 1 || backends.Exists(b => b is null || b.Kind != EgressNetwork.KubeKind || b.Group != EgressNetwork.KubeGroup || !networks.Contains(b.Name ?? string.Empty) || b.Port is not null || b.Weight is not null));

    /// <summary>
    /// Linkerd → model: the routing TCPRoutes read into external services (<see cref="RouteEntry.Owner"/>), in the order they
    /// were read, as TCP routes on those services: one per port (a later one on a port already taken is reported).
    /// </summary>
    public static List<TcpRoute> ToModel(IEnumerable<RouteEntry> routes, IReadOnlyDictionary<ServiceRef, ExternalService> externals, ImportContext ctx)
    {
        var result = new List<TcpRoute>();
        var taken = new Dictionary<(ServiceRef, int), string>();
        foreach (var entry in routes)
        {
            if (entry.Routing is not GatewayResources.TcpRoute resource || entry.Owner is not { } owner || !externals.TryGetValue(owner.Service, out var external)) continue;
            var tcp = external.Ports.Where(p => p.Protocol == Protocol.Tcp).Select(p => p.Port).ToList();
            // The ports where this TCPRoute is the one Linkerd applies (on the others another kind of route was preferred, and reported).
            var ports = entry.Parents.Select(p => p.Port).Where(tcp.Contains).Distinct().Order().ToList();
            if (ports.Count == 0) continue;
            if (ports.Select(p => taken.TryGetValue((owner.Service, p), out var first) ? first : null).FirstOrDefault(f => f is not null) is { } earlier)
            {
                ctx.NotImported(entry.Source, "$.spec.rules", $"TCP route '{earlier}' on external service '{owner.Service}' was read already for a port of this TCPRoute, and the model has one TCP route per port: the rule of this TCPRoute was not imported.");
                continue;
            }
            int? port = ports.Count == 1 ? ports[0] : null;
            if (ports.Count > 1 && ports.Count < tcp.Count)
            {
                ctx.NotImported(entry.Source, "$.spec.parentRefs", $"The TCPRoute applies on ports {string.Join(", ", ports)} only; a model TCP route applies to one port or to every TCP port of its external service, so it was read for port {string.Join(", ", tcp.Except(ports))} of '{owner.Service}' too.");
            }
            // Read like a TCP route on a Service named as the external service: its EgressNetwork backends as that service.
            var scratch = new ModelBuilder();
            var networks = entry.Parents.Select(p => p.Network).ToHashSet(StringComparer.Ordinal);
            var rule = new GatewayResources.TcpRouteRule { BackendRefs = ExternalRouteMapping.Backends(resource.Spec!.Rules![0].BackendRefs, owner.Service, networks, entry, "$.spec.rules[0].backendRefs", ctx) };
            TcpRouteMapping.ToModel(new GatewayResources.TcpRouteSpec
            {
                ParentRefs = [new GatewayResources.ParentReference { Group = string.Empty, Kind = "Service", Name = owner.Service.Name, Port = port }],
                Rules = [rule],
            }, entry.Name, entry.Namespace, entry.Source, scratch, ctx);
            if (scratch.TcpRoutes.Count == 0) continue;
            foreach (var p in ports) taken[(owner.Service, p)] = $"{entry.Namespace}/{entry.Name}";
            result.Add(scratch.TcpRoutes[^1] with { Host = owner.Service, Port = port });
        }
        return result;
    }
}

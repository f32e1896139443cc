using k8s.Models;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Translation;
using Mesh.Providers.Linkerd.Resources;
using static Mesh.Providers.Linkerd.Mapping.EgressRouteMapping;

namespace Mesh.Providers.Linkerd.Mapping;

/// <summary>
/// External services ↔ <c>EgressNetwork</c>s and the routes that let their hosts leave.
/// <para>
/// Linkerd decides egress per client namespace and per destination address: every address outside the cluster belongs
/// to exactly one EgressNetwork of the client's namespace (the one with the most specific network; among equals the
/// oldest, then the first by name), whose <c>trafficPolicy</c> says what happens to traffic no route matches. Routes
/// (HTTPRoute, GRPCRoute, TLSRoute, TCPRoute) take the EgressNetwork and a port as parent; the first three select traffic
/// by host name (the <c>Host</c> header or <c>:authority</c>, or the TLS SNI), a TCPRoute takes every connection on its
/// port. So one EgressNetwork per external service cannot work for host names: those without networks all cover the same
/// addresses, and only one of them is ever consulted.
/// </para>
/// <para>
/// The model says "these hosts, on these ports, are reachable", and its outbound policies say what happens to other hosts.
/// The external services named by host only share the namespace's EgressNetwork without networks, and an external service
/// with addresses keeps its own EgressNetwork of those networks (more specific than the namespace's, so it decides for them)
/// — <see cref="EgressNetworkMapping"/>; each port is a route on the network (<see cref="EgressRouteMapping"/>). The shared
/// network's <c>trafficPolicy</c> is the namespace's outbound mode: <c>Deny</c> for registry only, so that exactly the
/// declared hosts on the declared ports leave the namespace — what Istio's registry-only mode makes of its ServiceEntries —,
/// <c>Allow</c> otherwise; since every such route hangs on the one network Linkerd consults, every declared host really is
/// reachable. The mesh-wide outbound policy is a network of the global egress namespace
/// (<see cref="LinkerdOptions.GlobalEgressNamespace"/>), which a namespace's own network overrides.
/// </para>
/// <para>
/// TCP ports of a service named by host only are reported and not written (see <see cref="EgressNetworkMapping.SharedNetwork"/>).
/// A model route on an external service takes the place of the one-rule routes of the HTTP ports it covers, on the same
/// network (<see cref="ExternalRouteMapping"/>), and a model TCP route on a service with addresses that of the TCP ports it
/// covers (<see cref="ExternalTcpRouteMapping"/>); read back, a route on a network whose rules do more than let the traffic
/// leave is that route again.
/// </para>
/// <para>
/// Linkerd applies one kind of route per port of an EgressNetwork (GRPCRoute, else HTTPRoute, else TLSRoute, else
/// TCPRoute): on the shared network a gRPC port that shares its number with an HTTP port is written as an HTTPRoute (which
/// matches gRPC), and a TLS port that shares it with HTTP is not written; a service's own network has one route per port
/// number. Read back, the other kinds on a port are reported, as are EgressNetworks Linkerd does not consult. Port names and
/// HTTP/2 (which reads back as http) are reported, and so are the hosts of a service with addresses whose only routes are
/// TCPRoutes (they read back as its name).
/// </para>
/// Static members map model → Linkerd; an instance reads the egress resources of one import (everything is collected first,
/// since a route may come before its network).
/// </summary>
internal sealed class EgressMapping(ImportContext ctx, string globalNamespace)
{
    private readonly List<NetworkEntry> _networks = [];
    private readonly List<RouteEntry> _routes = [];

    /// <summary>What is written for an external service: its network (its own, or the namespace's), and the kind of route of each port.</summary>
    internal sealed record Plan(ExternalService Service, string Path, bool OwnNetwork, RouteKind[] Kinds, bool[] Reported)
    {
        /// <summary>The model route written on the service's HTTP and gRPC ports in place of their one-rule routes (<see cref="ExternalRouteMapping"/>), or null.</summary>
        public ExternalRouteMapping.Planned? Routed { get; set; }

        /// <summary>The model TCP routes written on the service's TCP ports in place of their one-rule TCPRoutes (<see cref="ExternalTcpRouteMapping"/>).</summary>
        public List<ExternalTcpRouteMapping.Planned> TcpRouted { get; } = [];
    }

    /// <summary>
    /// The name of the route that lets a port's requests leave: <c>&lt;service&gt;-&lt;port&gt;</c>, which on the namespace's shared
    /// network tells the services apart. On a service's own network the import reads it by its parent, not its name, so there
    /// it gives way (<c>-2</c>, <c>-3</c>, …) to a model route or a resource already written that has the name.
    /// </summary>
    private static string DefaultRouteName(Plan plan, int port, string kind, List<Plan> plans, IReadOnlySet<(string Kind, string Namespace, string Name)> written)
    {
        var name = $"{plan.Service.Name}-{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        if (!plan.OwnNetwork) return name;
        var ns = plan.Service.Namespace;
        bool Taken(string n) => written.Contains((kind, ns, n)) || plans.Exists(p => p.Service.Namespace == ns && (p.Routed?.Name == n || p.TcpRouted.Exists(t => t.Route.Name == n)));
        var candidate = name;
        for (var i = 2; Taken(candidate); i++) candidate = $"{name}-{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        return candidate;
    }

    private static string Kind(RouteKind kind, LinkerdOptions options)
    {
        var (group, name) = Identity(kind, options);
        return $"{group}/{name}";
    }

    /// <summary>An EgressNetwork read.</summary>
    internal sealed record NetworkEntry(EgressNetwork Network, string Name, string Namespace, string Source);

    /// <summary>
    /// Model → Linkerd: the EgressNetworks and routes of <paramref name="config"/>'s external services, ordered by namespace,
    /// networks first, then by name. <paramref name="written"/> holds the <c>group/Kind</c>, namespace and name of every resource
    /// already written (mesh routes, access policies): a route that would take one of those names is reported instead.
    /// </summary>
    public static IEnumerable<object> ToLinkerd(MeshConfig config, LinkerdOptions options, RouteExportContext ctx, IReadOnlySet<(string Kind, string Namespace, string Name)> written)
    {
        var plans = Plans(config, ctx);
        ExternalRouteMapping.Plan(config, plans, options, ctx, written);
        ExternalTcpRouteMapping.Plan(config, plans, ctx, written);
        ResolvePortConflicts(plans, ctx);
        var own = plans.Where(p => p.OwnNetwork).Select(p => (p.Service.Namespace, p.Service.Name)).ToHashSet();
        var used = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var sharers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var result = new List<(string Namespace, int Rank, string Name, object Resource)>();
        foreach (var plan in plans)
        {
            var external = plan.Service;
            var ns = external.Namespace;
            var network = plan.OwnNetwork ? external.Name : EgressNetworkMapping.SharedName(ns, own);
            List<string>? hosts = null;
            var anyRoute = false;
            var unwritten = new List<int>();
            for (var k = 0; k < external.Ports.Count; k++)
            {
                var port = external.Ports[k];
                var at = $"{plan.Path}.ports[{k}]";
                var kind = plan.Kinds[k];
                if (kind == RouteKind.None)
                {
                    unwritten.Add(k);
                    continue;
                }
                var (group, kindName) = Identity(kind, options);
                var name = DefaultRouteName(plan, port.Port, Kind(kind, options), plans, written);
                var routed = plan.Routed is { } r && r.Ports.Contains(k) || ExternalTcpRouteMapping.Covers(plan, k);
                if (!routed && written.Contains(($"{group}/{kindName}", ns, name)))
                {
                    ctx.Unsupported(at, $"A {kindName} named '{name}' is already written for a route or access policy of namespace '{ns}'; the route of this port is not written.");
                    plan.Reported[k] = true;
                    unwritten.Add(k);
                    continue;
                }
                // A TCPRoute has no host names: the hosts are only worked out (and cut to the limit) for the routes that carry them.
                if (kind != RouteKind.Tcp) hosts ??= Hosts(external, plan.Path, ctx);
                anyRoute = true;
                // A port the model's route is written for has that route instead (after the loop).
                if (!routed) result.Add((ns, 1, name, Ownership.From(EgressRouteMapping.ToLinkerd(kind, name, ns, network, port.Port, hosts ?? [], options), ModelObjectNames.Of(external))));
                var readBack = kind switch { RouteKind.Grpc => Protocol.Grpc, RouteKind.Tls => Protocol.Tls, RouteKind.Tcp => Protocol.Tcp, _ => Protocol.Http };
                if (port.Protocol == Protocol.Http2) ctx.Approximated($"{at}.protocol", "An HTTPRoute matches HTTP/1 and HTTP/2 alike; the port reads back as http.");
                if (port.Name is { } portName && portName != $"{WireNames.Of(port.Protocol)}-{port.Port}")
                {
                    ctx.Approximated($"{at}.name", $"A route names the port of its EgressNetwork by number; the name '{portName}' is not written (it reads back as '{WireNames.Of(readBack)}-{port.Port}').");
                }
            }
            if (plan.Routed is { } planned)
            {
                // Still a GRPCRoute only if no port it is written for had to become HTTP (ResolvePortConflicts).
                var grpc = planned.Grpc && planned.Ports.All(k => plan.Kinds[k] == RouteKind.Grpc);
                result.Add((ns, 1, planned.Name, ExternalRouteMapping.ToLinkerd(planned, plan, network, grpc, hosts ?? Hosts(external, plan.Path, ctx), options, ctx)));
            }
            foreach (var tcp in plan.TcpRouted)
            {
                // Not written (reported): its ports keep the one-rule TCPRoutes that let every connection leave.
                if (ExternalTcpRouteMapping.ToLinkerd(tcp, plan, network, options, ctx) is { } resource) result.Add((ns, 1, tcp.Route.Name, resource));
                else
                {
                    foreach (var k in tcp.Ports)
                    {
                        var name = DefaultRouteName(plan, external.Ports[k].Port, Kind(RouteKind.Tcp, options), plans, written);
                        result.Add((ns, 1, name, Ownership.From(EgressRouteMapping.ToLinkerd(RouteKind.Tcp, name, ns, network, external.Ports[k].Port, [], options), ModelObjectNames.Of(external))));
                    }
                }
            }
            if (plan.OwnNetwork) result.Add((external.Namespace, 0, external.Name, Ownership.From(EgressNetworkMapping.OwnNetwork(plan, unwritten, anyRoute, hosts is not null, ctx), ModelObjectNames.Of(external))));
            else if (EgressNetworkMapping.SharedNetwork(plan, unwritten, anyRoute, ctx))
            {
                used[ns] = network;
                (sharers.TryGetValue(ns, out var list) ? list : sharers[ns] = []).Add(ModelObjectNames.Of(external));
            }
        }
        foreach (var (ns, name) in used)
        {
            // The shared network is written for the external services on it, in the mode of the namespace's outbound policy.
            var mode = ns == options.GlobalEgressNamespace ? config.Outbound.FirstOrDefault(p => p.Namespace is null) : config.OutboundFor(ns);
            var network = Ownership.From(EgressNetworkMapping.Shared(ns, name, Mode(config, ns == options.GlobalEgressNamespace ? null : ns)), sharers[ns]);
            result.Add((ns, 0, name, mode is null ? network : Ownership.From(network, ModelObjectNames.Of(mode))));
        }
        WriteOutbound(config, options, own, used, result, ctx);
        return result
            .OrderBy(r => r.Namespace, StringComparer.Ordinal)
            .ThenBy(r => r.Rank)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => r.Resource);
    }

    /// <summary>What to write for each external service: its network, and the kind of route of each port (TCP only on its own network).</summary>
    private static List<Plan> Plans(MeshConfig config, RouteExportContext ctx)
    {
        var plans = new List<Plan>();
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < config.ExternalServices.Count; i++)
        {
            var external = config.ExternalServices[i];
            var path = $"$.spec.externalServices[{i}]";
            // Workloads enrolled in the mesh are reached through their Service, not as egress (ExternalWorkloadMapping).
            if (ExternalWorkloadMapping.IsEnrolled(external)) continue;
            if (!seen.Add((external.Namespace, external.Name)))
            {
                ctx.Unsupported(path, $"Another external service is already written as '{external.Namespace}/{external.Name}'; this one is not written.");
                continue;
            }
            var own = !external.Addresses.IsEmpty;
            if (!own && external.Ports.IsEmpty)
            {
                ctx.Unsupported($"{path}.ports", "Linkerd lets host names leave through routes on a port of an EgressNetwork, and this external service has no ports: nothing is written (declare the ports it is called on).");
                continue;
            }
            var kinds = external.Ports.Select(p => p.Protocol switch
            {
                Protocol.Http or Protocol.Http2 => RouteKind.Http,
                Protocol.Grpc => RouteKind.Grpc,
                Protocol.Tls => RouteKind.Tls,
                Protocol.Tcp when own => RouteKind.Tcp,
                _ => RouteKind.None,
            }).ToArray();
            var reported = new bool[kinds.Length];
            for (var k = 0; k < kinds.Length; k++)
            {
                // Only a TCP port of a service named by host is left without a route on purpose (reported with the shared network).
                if (kinds[k] != RouteKind.None || external.Ports[k].Protocol == Protocol.Tcp) continue;
                ctx.Unsupported($"{path}.ports[{k}].protocol", $"'{external.Ports[k].Protocol}' is not a protocol this provider writes a route for; port {external.Ports[k].Port} is not written.");
                reported[k] = true;
            }
            plans.Add(new Plan(external, path, own, kinds, reported));
        }
        return plans;
    }

    /// <summary>
    /// Linkerd applies one kind of route per port of an EgressNetwork — GRPCRoutes, else HTTPRoutes, else TLSRoutes, else
    /// TCPRoutes. On a namespace's shared network, a gRPC port whose number also carries HTTP becomes an HTTPRoute (which
    /// matches gRPC), and a TLS port whose number carries HTTP or gRPC is not written (its TLSRoute would have no effect).
    /// No TCPRoute is written there (see the class summary), and a service's own network has one route per port number, so
    /// TCPRoutes never meet another kind.
    /// </summary>
    private static void ResolvePortConflicts(List<Plan> plans, RouteExportContext ctx)
    {
        var ports = plans
            .Where(p => !p.OwnNetwork)
            .SelectMany(p => p.Service.Ports.Select((port, k) => (Plan: p, K: k, Port: port.Port)))
            .GroupBy(x => (x.Plan.Service.Namespace, x.Port));
        foreach (var port in ports)
        {
            var http = port.FirstOrDefault(x => x.Plan.Kinds[x.K] == RouteKind.Http).Plan;
            foreach (var x in port.Where(x => x.Plan.Kinds[x.K] == RouteKind.Grpc && http is not null))
            {
                x.Plan.Kinds[x.K] = RouteKind.Http;
                ctx.Approximated($"{x.Plan.Path}.ports[{x.K}].protocol", $"Linkerd applies one kind of route per port of an EgressNetwork, and port {port.Key.Port} of namespace '{port.Key.Namespace}''s egress network also carries HTTP (external service '{http!.Service.Name}'): the gRPC port is written as an HTTPRoute, which matches gRPC too, and reads back as http.");
            }
            var other = port.FirstOrDefault(x => x.Plan.Kinds[x.K] is RouteKind.Http or RouteKind.Grpc).Plan;
            if (other is null) continue;
            foreach (var x in port.Where(x => x.Plan.Kinds[x.K] == RouteKind.Tls))
            {
                x.Plan.Kinds[x.K] = RouteKind.None;
                x.Plan.Reported[x.K] = true;
                ctx.Unsupported($"{x.Plan.Path}.ports[{x.K}]", $"Linkerd applies one kind of route per port of an EgressNetwork, and port {port.Key.Port} of namespace '{port.Key.Namespace}''s egress network carries HTTP routes (external service '{other.Service.Name}'), so a TLSRoute there would have no effect: the port is not written, and TLS to these hosts on it is refused.");
            }
        }
    }

    /// <summary>Linkerd → model: reads an EgressNetwork.</summary>
    public void Read(EgressNetwork network, string name, string ns, string source) => _networks.Add(new NetworkEntry(network, name, ns, source));

    /// <summary>Linkerd → model: reads an egress route (<see cref="EgressRouteMapping.IsEgressRoute"/>): its parents, its hostnames and whether its rules let traffic leave.</summary>
    public void ReadRoute(object resource, V1ObjectMeta? metadata, string name, string ns, string source)
    {
        if (EgressRouteMapping.ToModel(resource, metadata, name, ns, source, ctx) is { } route) _routes.Add(route);
    }

    /// <summary>
    /// Model → Linkerd: the outbound policies that no external service's routes already wrote a shared network for — the
    /// mesh-wide one as the global egress namespace's network (Deny; allowing any host is Linkerd's default), a namespace's
    /// as its own (Deny, or Allow when the mesh-wide one denies). Host lists are reported: Linkerd has no visibility scope.
    /// </summary>
    private static void WriteOutbound(MeshConfig config, LinkerdOptions options, HashSet<(string, string)> own, SortedDictionary<string, string> used, List<(string Namespace, int Rank, string Name, object Resource)> result, RouteExportContext ctx)
    {
        var meshWide = Mode(config, null);
        for (var i = 0; i < config.Outbound.Count; i++)
        {
            var policy = config.Outbound[i];
            var path = $"$.spec.outbound[{i}]";
            if (!policy.Hosts.IsEmpty) ctx.Unsupported($"{path}.hosts", "Linkerd has no outbound visibility scope: every Service stays reachable, and the hosts are not written.");
            var ns = policy.Namespace ?? options.GlobalEgressNamespace;
            if (policy.Namespace == options.GlobalEgressNamespace)
            {
                ctx.Unsupported($"{path}.namespace", $"An EgressNetwork in Linkerd's global egress namespace '{ns}' applies to every namespace without one of its own, not only to '{ns}'; this namespace's policy is not written.");
                continue;
            }
            if (used.ContainsKey(ns)) continue;
            // Nothing to write where the policy is what applies anyway: allow any, with no denying mesh-wide network to override.
            if (policy.Mode == OutboundMode.AllowAny && (policy.Namespace is null || meshWide == OutboundMode.AllowAny)) continue;
            var name = EgressNetworkMapping.SharedName(ns, own);
            used[ns] = name;
            result.Add((ns, 0, name, Ownership.From(EgressNetworkMapping.Shared(ns, name, policy.Mode), ModelObjectNames.Of(policy))));
        }
    }

    /// <summary>The outbound mode of namespace <paramref name="ns"/> (null: the mesh-wide one): its policy's, else the mesh-wide one's, else allow any.</summary>
    private static OutboundMode Mode(MeshConfig config, string? ns) =>
        (ns is null ? config.Outbound.FirstOrDefault(p => p.Namespace is null) : config.OutboundFor(ns))?.Mode ?? OutboundMode.AllowAny;

    /// <summary>The outbound policies read: one per namespace with a shared EgressNetwork (the global egress namespace's is the mesh-wide one).</summary>
    public List<OutboundPolicy> Outbound { get; } = [];

    /// <summary>The routes on external services read (<see cref="ExternalRouteMapping"/>), once <see cref="ToModel"/> has run.</summary>
    public List<HttpRoute> Routes { get; } = [];

    /// <summary>The TCP routes on external services read (<see cref="ExternalTcpRouteMapping"/>), once <see cref="ToModel"/> has run.</summary>
    public List<TcpRoute> TcpRoutes { get; } = [];

    /// <summary>Linkerd → model: the external services of everything read.</summary>
    public List<ExternalService> ToModel()
    {
        var networks = new Dictionary<(string Namespace, string Name), NetworkEntry>();
        var dead = new HashSet<(string, string)>();
        foreach (var entry in _networks)
        {
            if (!networks.TryAdd((entry.Namespace, entry.Name), entry))
            {
                ctx.NotImported(entry.Source, "$", $"Another EgressNetwork '{entry.Namespace}/{entry.Name}' was read already; this one was not imported.");
                continue;
            }
            var policy = entry.Network.Spec?.TrafficPolicy;
            if (policy is not ("Allow" or "Deny"))
            {
                ctx.Invalid(entry.Source, "$.spec.trafficPolicy", policy is null ? "An EgressNetwork needs a traffic policy (Allow or Deny)." : $"'{policy}' is not a traffic policy (Allow, Deny).");
                dead.Add((entry.Namespace, entry.Name));
            }
            else if (entry.Network.Spec!.Networks is { Count: 0 })
            {
                ctx.NotImported(entry.Source, "$.spec", "An empty list of networks captures no address: the EgressNetwork and its routes apply to nothing, so it was not imported.");
                dead.Add((entry.Namespace, entry.Name));
            }
        }
        var active = EgressNetworkMapping.ActiveNamespaceNetworks(networks, dead, ctx);
        var attached = Attach(networks, dead);
        var result = new List<ExternalService>();
        var taken = new HashSet<(string, string)>();
        foreach (var ((ns, name), entry) in networks.OrderBy(n => n.Key, OrdinalKeyComparer.Instance))
        {
            if (dead.Contains((ns, name)) || entry.Network.Spec!.Networks is null) continue;
            if (EgressNetworkMapping.AddressService(entry, attached.GetValueOrDefault((ns, name)) ?? [], ctx) is { } external)
            {
                result.Add(external);
                taken.Add((ns, external.Name));
            }
        }
        var globalDenies = active.TryGetValue(globalNamespace, out var global) && networks[global].Network.Spec!.TrafficPolicy == "Deny";
        foreach (var ((ns, name), entry) in active.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => (n.Value, networks[n.Value])))
        {
            var services = EgressNetworkMapping.HostServices(attached.GetValueOrDefault((ns, name)) ?? [], taken, ctx);
            result.AddRange(services);
            var mode = entry.Network.Spec!.TrafficPolicy == "Deny" ? OutboundMode.RegistryOnly : OutboundMode.AllowAny;
            Outbound.Add(new OutboundPolicy { Namespace = ns == globalNamespace ? null : ns, Mode = mode });
            if (mode == OutboundMode.AllowAny && (ns == globalNamespace || !globalDenies))
            {
                ctx.NotImportedInfo(entry.Source, "$.spec.trafficPolicy", $"With trafficPolicy Allow, calls from namespace '{ns}' that no route matches leave unmanaged: what the model does without a registry-only outbound policy, so no policy is kept for it.");
            }
            if (name != EgressNetworkMapping.NamespaceNetwork)
            {
                ctx.NotImportedInfo(entry.Source, "$.metadata.name", $"The name of the namespace's EgressNetwork without networks is not part of the model; this provider writes it as '{EgressNetworkMapping.NamespaceNetwork}'.");
            }
        }
        var byReference = new Dictionary<ServiceRef, ExternalService>();
        foreach (var external in result) byReference.TryAdd(new ServiceRef(external.Name, external.Namespace), external);
        Routes.AddRange(ExternalRouteMapping.ToModel(_routes, byReference, ctx));
        TcpRoutes.AddRange(ExternalTcpRouteMapping.ToModel(_routes, byReference, ctx));
        return result;
    }

    /// <summary>The routes on each live network, one kind per port (GRPCRoute, else HTTPRoute, else TLSRoute, else TCPRoute); what is left over is reported.</summary>
    private Dictionary<(string, string), List<(RouteEntry Route, Attachment Parent)>> Attach(Dictionary<(string Namespace, string Name), NetworkEntry> networks, HashSet<(string, string)> dead)
    {
        var byPort = new Dictionary<(string Namespace, string Network, int Port), List<(RouteEntry Route, Attachment Parent)>>();
        foreach (var route in _routes)
        {
            var kept = 0;
            foreach (var parent in route.Parents)
            {
                var key = (route.Namespace, parent.Network);
                if (!networks.ContainsKey(key))
                {
                    ctx.NotImported(route.Source, $"$.spec.parentRefs[{parent.Index}]", $"The EgressNetwork '{parent.Network}' is not among the imported resources; what the route allows on its port {parent.Port} was not imported.");
                    continue;
                }
                if (dead.Contains(key))
                {
                    ctx.NotImported(route.Source, $"$.spec.parentRefs[{parent.Index}]", $"The EgressNetwork '{parent.Network}' applies to nothing (see its diagnostics), and so does this parent; it was not imported.");
                    continue;
                }
                var at = (route.Namespace, parent.Network, parent.Port);
                if (!byPort.TryGetValue(at, out var list)) byPort[at] = list = [];
                list.Add((route, parent));
                kept++;
            }
            if (kept == 0) ctx.NotImported(route.Source, "$.spec", "No parent of this route is an EgressNetwork that was imported; the route was not imported.");
        }
        var result = new Dictionary<(string, string), List<(RouteEntry Route, Attachment Parent)>>();
        foreach (var ((ns, network, port), list) in byPort)
        {
            var winner = list.Min(a => a.Route.Precedence);
            var winning = list.First(a => a.Route.Precedence == winner).Route.Kind;
            foreach (var (route, parent) in list.Where(a => a.Route.Precedence != winner))
            {
                ctx.NotImported(route.Source, $"$.spec.parentRefs[{parent.Index}]", $"Linkerd applies one kind of route per port of an EgressNetwork (GRPCRoute, else HTTPRoute, else TLSRoute, else TCPRoute): port {port} of '{network}' has {winning}s, so this {route.Kind} has no effect there and was not imported.");
            }
            if (!result.TryGetValue((ns, network), out var attached)) result[(ns, network)] = attached = [];
            attached.AddRange(list.Where(a => a.Route.Precedence == winner));
        }
        // Routes in the order they were read, so that names and diagnostics do not depend on hashing.
        foreach (var list in result.Values) list.Sort((a, b) => _routes.IndexOf(a.Route).CompareTo(_routes.IndexOf(b.Route)) is var c && c != 0 ? c : a.Parent.Index.CompareTo(b.Parent.Index));
        return result;
    }
}

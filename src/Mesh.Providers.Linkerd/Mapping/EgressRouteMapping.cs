using k8s.Models;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Linkerd.Export;
using Mesh.Providers.Linkerd.Mapping;
using Mesh.Providers.Linkerd.Resources;
using GatewayResources = Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.Linkerd.Import;

/// <summary>
/// <c>EgressNetwork</c>s and the routes whose parent is one → external services, the reverse of
/// <see cref="EgressExporter"/>. Everything is collected first, since a route may come before its network.
/// <list type="bullet">
/// <item>An EgressNetwork with networks is an external service of its name with those addresses (a <c>/32</c> or
/// <c>/128</c> as the single address) and static resolution; the routes on it give the hosts (their <c>hostnames</c>)
/// and ports (the parent port; HTTPRoute → http, GRPCRoute → grpc, TLSRoute → tls, TCPRoute → tcp: the network limits
/// its connections to the addresses, which is what the model's port means). Without routes naming hosts (none, or only
/// TCPRoutes, which have no host names) the host is the network's name; a <c>Deny</c> network without routes lets nothing
/// through and is reported.</item>
/// <item>The EgressNetwork without networks that Linkerd consults for a namespace (the oldest, then the first by name;
/// others are reported) is the namespace's allow-list: its routes become external services with dns resolution, named
/// after the route less its <c>-&lt;port&gt;</c> suffix, so the routes of one service's ports come together again (routes
/// of one name that disagree on their hosts stay apart, each named after its route). <c>Deny</c> is what the model means;
/// <c>Allow</c> (every destination reachable) is reported.</item>
/// <item>Per port of a network Linkerd applies one kind of route (GRPCRoute, else HTTPRoute, else TLSRoute, else
/// TCPRoute): the others are reported. A rule carries the route when it has no backends or a backend that is its
/// EgressNetwork (the original destination); matches, filters, timeouts and other backends narrow or redirect the traffic
/// and are reported, and a route none of whose rules lets traffic leave is not imported, nor is a TCPRoute without
/// exactly one rule (Linkerd rejects it). A route without hostnames (every host) on a namespace's network — a TCPRoute
/// there above all, which lets every destination outside the cluster out on its port, and which
/// <see cref="EgressExporter"/> never writes for that reason — a route on an unknown or inapplicable network, or on a
/// network of another namespace, is reported.</item>
/// </list>
/// </summary>
internal sealed class EgressImporter(ImportContext ctx)
{
    private readonly List<NetworkEntry> _networks = [];
    private readonly List<RouteEntry> _routes = [];

    private sealed record NetworkEntry(EgressNetwork Network, string Name, string Namespace, string Source);

    private sealed record Attachment(int Index, string Network, int Port);

    private sealed record RouteEntry(string Kind, int Precedence, Protocol Protocol, string Name, string Namespace, string Source, List<string>? Hostnames, List<Attachment> Parents);

    /// <summary>The parentRefs of a route this provider reads, or null for other resources.</summary>
    public static List<GatewayResources.ParentReference>? ParentsOf(object resource) => resource switch
    {
        PolicyHttpRoute r => r.Spec?.ParentRefs,
        GatewayResources.HttpRoute r => r.Spec?.ParentRefs,
        GatewayResources.GrpcRoute r => r.Spec?.ParentRefs,
        GatewayResources.TlsRoute r => r.Spec?.ParentRefs,
        GatewayResources.TcpRoute r => r.Spec?.ParentRefs,
        _ => null,
    };

    /// <summary>Whether a route has an <c>EgressNetwork</c> parent (it is then read as egress, whatever its other parents).</summary>
    public static bool IsEgressRoute(object resource) => ParentsOf(resource)?.Any(p => p?.Kind == EgressNetwork.KubeKind) == true;

    public void Add(EgressNetwork network, string name, string ns, string source) => _networks.Add(new NetworkEntry(network, name, ns, source));

    /// <summary>Reads an egress route: its parents, its hostnames and whether its rules let traffic leave.</summary>
    public void AddRoute(object resource, V1ObjectMeta? metadata, string name, string ns, string source)
    {
        foreach (var key in metadata?.Annotations?.Keys.Where(LinkerdAnnotations.Carried.Contains).Order(StringComparer.Ordinal) ?? Enumerable.Empty<string>())
        {
            ctx.NotImported(source, "$.metadata.annotations" + JsonPaths.Segment(key), "Retries and timeouts of egress routes are not in the model's external services; the annotation was not imported.");
        }
        if (resource is GatewayResources.TcpRoute tcp && tcp.Spec?.Rules is var tcpRules && (tcpRules?.Count ?? 0) != 1)
        {
            ctx.NotImported(source, tcpRules is null ? "$.spec" : "$.spec.rules", $"Linkerd applies a TCPRoute only when it has exactly one rule, and this one has {tcpRules?.Count ?? 0}: it applies to nothing and was not imported.");
            return;
        }
        var parents = Parents(ParentsOf(resource), ns, source);
        var names = parents.Select(p => p.Network).ToHashSet(StringComparer.Ordinal);
        var ports = parents.Select(p => p.Port).ToHashSet();
        var (kind, precedence, protocol, hostnames, forwards) = resource switch
        {
            GatewayResources.GrpcRoute r => ("GRPCRoute", 0, Protocol.Grpc, r.Spec?.Hostnames, GrpcRules(r.Spec?.Rules, names, ports, ns, source)),
            PolicyHttpRoute r => ("HTTPRoute", 1, Protocol.Http, r.Spec?.Hostnames, HttpRules(r.Spec?.Rules, names, ports, ns, source)),
            GatewayResources.HttpRoute r => ("HTTPRoute", 1, Protocol.Http, r.Spec?.Hostnames, HttpRules(r.Spec?.Rules, names, ports, ns, source)),
            GatewayResources.TlsRoute r => ("TLSRoute", 2, Protocol.Tls, r.Spec?.Hostnames, TlsRules(r.Spec?.Rules, names, ports, ns, source)),
            GatewayResources.TcpRoute r => ("TCPRoute", 3, Protocol.Tcp, null, r.Spec!.Rules![0] is { } rule && Backends(rule.BackendRefs, names, ports, ns, source, "$.spec.rules[0]")),
            _ => throw new ArgumentException("Not a route.", nameof(resource)),
        };
        var hosts = Hostnames(hostnames, source);
        if (!forwards)
        {
            ctx.NotImported(source, "$.spec", "No rule of this route sends traffic on to its EgressNetwork (the original destination): it makes no host reachable, so it was not imported.");
            return;
        }
        if (hostnames is { Count: > 0 } && hosts is { Count: 0 })
        {
            ctx.NotImported(source, "$.spec", "None of the route's host names is valid, so it was not imported.");
            return;
        }
        if (parents.Count == 0)
        {
            ctx.NotImported(source, "$.spec", "The route has no EgressNetwork parent Linkerd applies it to; it was not imported.");
            return;
        }
        _routes.Add(new RouteEntry(kind, precedence, protocol, name, ns, source, hosts, parents));
    }

    /// <summary>The external services of everything added.</summary>
    public List<ExternalService> Build()
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
        var active = ActiveNamespaceNetworks(networks, dead);
        var attached = Attach(networks, dead);
        var result = new List<ExternalService>();
        var taken = new HashSet<(string, string)>();
        foreach (var ((ns, name), entry) in networks.OrderBy(n => n.Key, OrdinalKeyComparer.Instance))
        {
            if (dead.Contains((ns, name)) || entry.Network.Spec!.Networks is null) continue;
            if (AddressService(entry, attached.GetValueOrDefault((ns, name)) ?? []) is { } external)
            {
                result.Add(external);
                taken.Add((ns, external.Name));
            }
        }
        foreach (var ((ns, name), entry) in active.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => (n.Value, networks[n.Value])))
        {
            var services = HostServices(attached.GetValueOrDefault((ns, name)) ?? [], taken);
            result.AddRange(services);
            if (entry.Network.Spec!.TrafficPolicy == "Allow")
            {
                ctx.NotImported(entry.Source, "$.spec.trafficPolicy", services.Count == 0
                    ? $"With trafficPolicy Allow and no networks, every destination outside the cluster may be reached from namespace '{ns}': the default of a mesh without external services, so it was not imported."
                    : $"With trafficPolicy Allow, destinations no route matches may be reached from namespace '{ns}' too; the routes' hosts were imported as external services, which are written back with trafficPolicy Deny (only they may leave).");
            }
            else if (services.Count == 0)
            {
                ctx.NotImported(entry.Source, "$.spec.trafficPolicy", $"With trafficPolicy Deny and no imported route, namespace '{ns}' may reach nothing outside the cluster but what its other routes (reported) allow; the model has no external service to say so, so it was not imported.");
            }
            else if (name != EgressExporter.NamespaceNetwork)
            {
                ctx.NotImportedInfo(entry.Source, "$.metadata.name", $"The name of the namespace's EgressNetwork without networks is not part of the model; this provider writes it as '{EgressExporter.NamespaceNetwork}'.");
            }
        }
        return result;
    }

    /// <summary>
    /// The EgressNetwork without networks Linkerd consults in each namespace: the oldest, then the first by name (every such
    /// network covers the same addresses). The others are reported and marked dead.
    /// </summary>
    private Dictionary<string, (string, string)> ActiveNamespaceNetworks(Dictionary<(string Namespace, string Name), NetworkEntry> networks, HashSet<(string, string)> dead)
    {
        var active = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var candidates = networks
            .Where(n => !dead.Contains(n.Key) && n.Value.Network.Spec!.Networks is null)
            .GroupBy(n => n.Key.Namespace, StringComparer.Ordinal);
        foreach (var group in candidates)
        {
            var ordered = group
                .OrderBy(n => n.Value.Network.Metadata?.CreationTimestamp is null ? 0 : 1)
                .ThenBy(n => n.Value.Network.Metadata?.CreationTimestamp)
                .ThenBy(n => n.Key.Name, StringComparer.Ordinal)
                .ToList();
            active[group.Key] = ordered[0].Key;
            foreach (var other in ordered.Skip(1))
            {
                ctx.NotImported(other.Value.Source, "$.spec", $"Linkerd sends the egress of namespace '{group.Key}' to one EgressNetwork without networks, '{ordered[0].Key.Name}' (the oldest, then the first by name); this one applies to nothing, and neither do its routes, so it was not imported.");
                dead.Add(other.Key);
            }
        }
        return active;
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

    /// <summary>An EgressNetwork with networks: its addresses, and the hosts and ports of its routes.</summary>
    private ExternalService? AddressService(NetworkEntry entry, List<(RouteEntry Route, Attachment Parent)> routes)
    {
        var spec = entry.Network.Spec!;
        var addresses = new List<string>();
        for (var j = 0; j < spec.Networks!.Count; j++)
        {
            if (spec.Networks[j] is not { } network) continue;
            if (network.Except is { Count: > 0 }) ctx.NotImported(entry.Source, $"$.spec.networks[{j}].except", "Exceptions to a network are not in the model; the whole network is imported.");
            if (network.Cidr is { Length: > 0 } cidr) addresses.Add(Cidrs.Address(cidr));
            else ctx.Invalid(entry.Source, $"$.spec.networks[{j}].cidr", "A network needs a CIDR.");
        }
        var name = ServiceName(entry.Name, entry.Source);
        if (routes.Count == 0)
        {
            if (spec.TrafficPolicy == "Deny")
            {
                ctx.NotImported(entry.Source, "$.spec", "With trafficPolicy Deny and no route, nothing may reach these networks; the model's external services are reachable, so it was not imported.");
                return null;
            }
            ctx.NotImportedInfo(entry.Source, "$.metadata.name", $"No route names the hosts of this EgressNetwork; the external service's host is its name '{name}'.");
            return new ExternalService { Name = name, Namespace = entry.Namespace, Hosts = [name], Resolution = Resolution.Static, Addresses = [.. addresses] };
        }
        if (spec.TrafficPolicy == "Allow")
        {
            ctx.NotImported(entry.Source, "$.spec.trafficPolicy", "With trafficPolicy Allow, connections to these networks that no route matches leave too; the external service lists only the routes' hosts and ports (written back, the EgressNetwork denies the rest).");
        }
        var hosts = Hosts(routes.Select(r => r.Route).Distinct().ToList(), $"the other routes of EgressNetwork '{entry.Name}'");
        if (hosts.Count == 0)
        {
            ctx.NotImportedInfo(entry.Source, "$.metadata.name", $"No route of this EgressNetwork has hostnames (a TCPRoute has none); the external service's host is its name '{name}'.");
            hosts = [name];
        }
        return new ExternalService
        {
            Name = name,
            Namespace = entry.Namespace,
            Hosts = [.. hosts],
            Ports = Ports(routes),
            Resolution = Resolution.Static,
            Addresses = [.. addresses],
        };
    }

    /// <summary>
    /// The routes on a namespace's EgressNetwork without networks → external services named by host: grouped by route name
    /// less its <c>-&lt;port&gt;</c> suffix; a group whose routes disagree on their hosts becomes one service per route.
    /// </summary>
    private List<ExternalService> HostServices(List<(RouteEntry Route, Attachment Parent)> attached, HashSet<(string, string)> taken)
    {
        var result = new List<ExternalService>();
        var routes = new List<(RouteEntry Route, List<(RouteEntry, Attachment)> Parents)>();
        foreach (var group in attached.GroupBy(a => a.Route))
        {
            var route = group.Key;
            if (route.Kind == "TCPRoute")
            {
                ctx.NotImported(route.Source, "$.spec", $"A TCPRoute matches no host name: on an EgressNetwork without networks it lets every destination outside the cluster leave on port {string.Join(", ", group.Select(a => a.Parent.Port).Distinct())}. The model's external services named by host say which hosts may leave, and a TCP port is limited only by addresses (an external service with addresses has an EgressNetwork of its own), so it was not imported.");
                continue;
            }
            if (route.Hostnames is not { Count: > 0 })
            {
                ctx.NotImported(route.Source, "$.spec", $"A route without hostnames lets every host name leave on port {string.Join(", ", group.Select(a => a.Parent.Port).Distinct())}; the model's external services name their hosts, so it was not imported.");
                continue;
            }
            routes.Add((route, [.. group]));
        }
        foreach (var group in routes.GroupBy(r => GroupName(r.Route, r.Parents), StringComparer.Ordinal))
        {
            var members = group.ToList();
            var sets = members.Select(m => string.Join(",", m.Route.Hostnames!.Order(StringComparer.Ordinal))).Distinct(StringComparer.Ordinal).Count();
            if (sets == 1 && !taken.Contains((members[0].Route.Namespace, group.Key)))
            {
                result.Add(HostService(group.Key, members, taken));
                continue;
            }
            foreach (var member in members)
            {
                var own = ServiceName(member.Route.Name, member.Route.Source);
                if (taken.Contains((member.Route.Namespace, own)))
                {
                    ctx.NotImported(member.Route.Source, "$", $"Another external service of namespace '{member.Route.Namespace}' is already named '{own}'; this route was not imported.");
                    continue;
                }
                result.Add(HostService(own, [member], taken));
            }
        }
        return result;
    }

    private ExternalService HostService(string name, List<(RouteEntry Route, List<(RouteEntry, Attachment)> Parents)> members, HashSet<(string, string)> taken)
    {
        var ns = members[0].Route.Namespace;
        taken.Add((ns, name));
        return new ExternalService
        {
            Name = name,
            Namespace = ns,
            Hosts = [.. Hosts([.. members.Select(m => m.Route)], "the other routes")],
            Ports = Ports([.. members.SelectMany(m => m.Parents)]),
            Resolution = Resolution.Dns,
        };
    }

    /// <summary>
    /// The name of the external service a route on a namespace's network belongs to: the route's name less <c>-&lt;port&gt;</c>
    /// when it has that one port (how <see cref="EgressExporter"/> names the route of each port), else the route's name.
    /// </summary>
    private string GroupName(RouteEntry route, List<(RouteEntry, Attachment Parent)> parents)
    {
        var ports = parents.Select(p => p.Parent.Port).Distinct().ToList();
        if (ports.Count == 1)
        {
            var suffix = "-" + ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (route.Name.Length > suffix.Length && route.Name.EndsWith(suffix, StringComparison.Ordinal) && IsDnsLabel(route.Name[..^suffix.Length])) return route.Name[..^suffix.Length];
        }
        return ServiceName(route.Name, route.Source);
    }

    /// <summary>The union of the routes' host names; a route whose hosts are not all of them is reported (a TCPRoute has none to report).</summary>
    private List<string> Hosts(List<RouteEntry> routes, string others)
    {
        var all = routes.SelectMany(r => r.Hostnames ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        // A TCPRoute has no host names to agree or disagree with.
        foreach (var route in routes.Where(r => r.Kind != "TCPRoute"))
        {
            if (route.Hostnames is not { Count: > 0 })
            {
                if (all.Count > 0) ctx.NotImported(route.Source, "$.spec", $"A route without hostnames lets every host name leave; the external service keeps the host names of {others}.");
            }
            else if (route.Hostnames.Distinct(StringComparer.Ordinal).Count() != all.Count)
            {
                ctx.NotImported(route.Source, "$.spec.hostnames", $"An external service has one set of hosts for all its ports; this route's hosts were read together with those of {others}.");
            }
        }
        return all;
    }

    private static Mesh.Collections.EquatableArray<ServicePort> Ports(IEnumerable<(RouteEntry Route, Attachment Parent)> routes) =>
        [.. routes.DistinctBy(r => r.Parent.Port).OrderBy(r => r.Parent.Port).Select(r => new ServicePort { Port = r.Parent.Port, Protocol = r.Route.Protocol })];

    /// <summary>The EgressNetwork parents of a route; other parents, and parents Linkerd ignores, are reported.</summary>
    private List<Attachment> Parents(List<GatewayResources.ParentReference>? parents, string ns, string source)
    {
        var result = new List<Attachment>();
        for (var i = 0; i < (parents?.Count ?? 0); i++)
        {
            var path = $"$.spec.parentRefs[{i}]";
            if (parents![i] is not { } parent) continue;
            if (parent.Kind != EgressNetwork.KubeKind)
            {
                ctx.NotImported(source, path, $"A route with an EgressNetwork parent is read as egress; this {parent.Kind ?? "Gateway"} parent was not imported (give it a route of its own).");
                continue;
            }
            if (parent.Group != EgressNetwork.KubeGroup)
            {
                ctx.NotImported(source, path, $"Linkerd takes an EgressNetwork parent only in group {EgressNetwork.KubeGroup}; this parent has no effect and was not imported.");
                continue;
            }
            if (string.IsNullOrEmpty(parent.Name))
            {
                ctx.Invalid(source, $"{path}.name", "A parentRef needs a name.");
                continue;
            }
            if (!string.IsNullOrEmpty(parent.Namespace) && parent.Namespace != ns)
            {
                ctx.NotImported(source, path, $"The EgressNetwork is in namespace '{parent.Namespace}', not the route's '{ns}'; the model keeps an external service, its network and its routes in one namespace, so this parent was not imported.");
                continue;
            }
            if (parent.Port is not { } port)
            {
                ctx.NotImported(source, path, "Linkerd applies a route to an EgressNetwork only on an explicit port; this parent has none and was not imported.");
                continue;
            }
            if (port is < 1 or > 65535)
            {
                ctx.Invalid(source, $"{path}.port", "A port is between 1 and 65535.");
                continue;
            }
            result.Add(new Attachment(i, parent.Name, port));
        }
        return result;
    }

    /// <summary>The route's host names, lower-cased; those that are not host names are reported and left out.</summary>
    private List<string>? Hostnames(List<string>? hostnames, string source)
    {
        if (hostnames is null) return null;
        var result = new List<string>();
        for (var k = 0; k < hostnames.Count; k++)
        {
            var host = hostnames[k]?.ToLowerInvariant();
            if (IsHostName(host)) result.Add(host!);
            else ctx.NotImported(source, $"$.spec.hostnames[{k}]", $"'{hostnames[k]}' is not a host name (DNS labels, '*.' allowed as the first); it was not imported.");
        }
        return result;
    }

    private bool HttpRules(List<GatewayResources.HttpRouteRule>? rules, HashSet<string> networks, HashSet<int> ports, string ns, string source)
    {
        if (rules is not { Count: > 0 }) return true;
        var forwards = false;
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is not { } rule) continue;
            var path = $"$.spec.rules[{i}]";
            if (rule.Matches is { Count: > 0 }) ctx.NotImported(source, $"{path}.matches", "Only the requests these matches select are let through by this rule; the model's external service lets every request to its hosts leave, so the matches were not imported.");
            if (rule.Filters is { Count: > 0 }) ctx.NotImported(source, $"{path}.filters", "The model's external services have no filters; they were not imported.");
            if (rule.Timeouts is not null) ctx.NotImported(source, $"{path}.timeouts", "The model's external services have no timeouts; they were not imported.");
            forwards |= Backends(rule.BackendRefs, networks, ports, ns, source, path);
        }
        return forwards;
    }

    private bool GrpcRules(List<GatewayResources.GrpcRouteRule>? rules, HashSet<string> networks, HashSet<int> ports, string ns, string source)
    {
        if (rules is not { Count: > 0 }) return true;
        var forwards = false;
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is not { } rule) continue;
            var path = $"$.spec.rules[{i}]";
            if (rule.Matches is { Count: > 0 }) ctx.NotImported(source, $"{path}.matches", "Only the calls these matches select are let through by this rule; the model's external service lets every call to its hosts leave, so the matches were not imported.");
            if (rule.Filters is { Count: > 0 }) ctx.NotImported(source, $"{path}.filters", "The model's external services have no filters; they were not imported.");
            forwards |= Backends(rule.BackendRefs, networks, ports, ns, source, path);
        }
        return forwards;
    }

    private bool TlsRules(List<GatewayResources.TlsRouteRule>? rules, HashSet<string> networks, HashSet<int> ports, string ns, string source)
    {
        if (rules is not { Count: > 0 }) return true;
        var forwards = false;
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is { } rule) forwards |= Backends(rule.BackendRefs, networks, ports, ns, source, $"$.spec.rules[{i}]");
        }
        return forwards;
    }

    /// <summary>Whether a rule lets traffic leave: it has no backends, or one that is its EgressNetwork. Other backends are reported.</summary>
    private bool Backends(List<GatewayResources.BackendRef>? backends, HashSet<string> networks, HashSet<int> ports, string ns, string source, string path)
    {
        if (backends is not { Count: > 0 }) return true;
        var forwards = false;
        for (var j = 0; j < backends.Count; j++)
        {
            if (backends[j] is not { } backend) continue;
            var at = $"{path}.backendRefs[{j}]";
            var isParent = backend.Kind == EgressNetwork.KubeKind && backend.Group == EgressNetwork.KubeGroup
                && (string.IsNullOrEmpty(backend.Namespace) || backend.Namespace == ns) && networks.Contains(backend.Name ?? string.Empty);
            if (!isParent)
            {
                ctx.NotImported(source, at, $"This backend sends the traffic to {backend.Kind ?? "Service"} '{backend.Name}' instead of the external destination; the model's external services have no such backends, so it was not imported.");
                continue;
            }
            forwards = true;
            if (backend.Port is { } port && !ports.Contains(port)) ctx.NotImported(source, $"{at}.port", "The traffic leaves on the port the client called; a different backend port is not in the model and was not imported.");
            if (backend.Weight is not null) ctx.NotImportedInfo(source, $"{at}.weight", "The model's external services have no weights; the weight was not imported.");
        }
        return forwards;
    }

    /// <summary>A model name for a resource name: itself when it is a DNS label, else made one (and said so).</summary>
    private string ServiceName(string name, string source)
    {
        if (IsDnsLabel(name)) return name;
        var label = ResourceNames.Join(name, string.Empty);
        ctx.NotImportedInfo(source, "$.metadata.name", $"'{name}' is not a DNS label, which the model's external service names are; it was read as '{label}'.");
        return label;
    }

    private static bool IsDnsLabel(string text) =>
        text.Length is > 0 and <= 63 && char.IsAsciiLetterOrDigit(text[0]) && char.IsAsciiLetterOrDigit(text[^1])
        && text.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    private static bool IsHostName(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 253) return false;
        var labels = text.Split('.');
        for (var i = 0; i < labels.Length; i++)
        {
            if (i == 0 && labels[i] == "*" && labels.Length > 1) continue;
            if (!IsDnsLabel(labels[i])) return false;
        }
        return true;
    }
}

using k8s.Models;
using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Validation;
using Mesh.Providers.GatewayApi.Translation;
using Mesh.Providers.Linkerd.Resources;
using static Mesh.Providers.Linkerd.Mapping.EgressRouteMapping;

namespace Mesh.Providers.Linkerd.Mapping;

/// <summary>
/// An external service ↔ its <c>EgressNetwork</c> (<see cref="EgressMapping"/>).
/// <list type="bullet">
/// <item>Named by host only: the external services of a namespace share one EgressNetwork without networks,
/// <see cref="NamespaceNetwork"/> (<c>-2</c>, … if an external service with addresses has that name), with
/// <c>trafficPolicy: Deny</c>; read back, the routes on the network Linkerd consults for a namespace become external services
/// with dns resolution, named after the route less its <c>-&lt;port&gt;</c> suffix, so the routes of one service's ports come
/// together again (routes of one name that disagree on their hosts stay apart, each named after its route).</item>
/// <item>With addresses: its own EgressNetwork whose networks are the addresses (a single address as <c>/32</c> or
/// <c>/128</c>), <c>Deny</c>, or <c>Allow</c> when a port has no route (no ports at all, or a route name already taken) so that
/// nothing declared becomes unreachable; read back, an external service of the network's name with static resolution, whose
/// hosts and ports are those of its routes (without routes naming hosts, the host is the network's name).</item>
/// </list>
/// The resolution is reported unless it is what reads back (dns for host names, static for addresses).
/// </summary>
internal static class EgressNetworkMapping
{
    /// <summary>The EgressNetwork without networks written in each namespace that has external services named by host only.</summary>
    public const string NamespaceNetwork = "all-egress-traffic";

    /// <summary>
    /// The name of a namespace's shared EgressNetwork: <see cref="NamespaceNetwork"/>, or when an external service with
    /// addresses of that namespace has that name (its own network), the first of <c>all-egress-traffic-2</c>, <c>-3</c>, … that
    /// none has.
    /// </summary>
    public static string SharedName(string ns, HashSet<(string, string)> own)
    {
        var name = NamespaceNetwork;
        for (var n = 2; own.Contains((ns, name)); n++) name = $"{NamespaceNetwork}-{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        return name;
    }

    /// <summary>
    /// Model → Linkerd: the shared EgressNetwork <paramref name="name"/> of namespace <paramref name="ns"/>: no networks (every
    /// address outside the cluster), Deny when the namespace's outbound policy is registry only, Allow otherwise.
    /// </summary>
    public static EgressNetwork Shared(string ns, string name, OutboundMode mode) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = { TrafficPolicy = TrafficPolicy(mode) },
    };

    /// <summary>The traffic policy of an outbound mode: registry only denies what no route admits.</summary>
    public static string TrafficPolicy(OutboundMode mode) => mode == OutboundMode.RegistryOnly ? "Deny" : "Allow";

    /// <summary>
    /// Model → Linkerd: the service's own EgressNetwork: its addresses as networks; Deny when every port has a route (TCP ports
    /// included), Allow otherwise (no ports, or a route whose name was taken).
    /// </summary>
    public static EgressNetwork OwnNetwork(EgressMapping.Plan plan, List<int> unwritten, bool anyRoute, bool hostRoute, RouteExportContext ctx)
    {
        var external = plan.Service;
        var deny = !external.Ports.IsEmpty && unwritten.Count == 0;
        // Without a route that names them the host reads back as the name: nothing is lost when that is the only host.
        if (!hostRoute && !(external.Hosts.Count == 1 && string.Equals(external.Hosts[0], external.Name, StringComparison.OrdinalIgnoreCase)))
        {
            var addresses = string.Join(", ", external.Addresses);
            var hosts = string.Join(", ", external.Hosts);
            ctx.Approximated($"{plan.Path}.hosts", anyRoute
                ? $"Only TCPRoutes are written for this external service, and a TCP connection carries no host name: they admit every connection to {addresses} on their ports, whatever host ({hosts} among them) it was meant for; the hosts are not written, and read back, the external service's host is its name."
                : $"Linkerd matches host names with routes on a port of an EgressNetwork, and {(external.Ports.IsEmpty ? "this external service has no ports" : "no port of this external service has a route")}: the network of {addresses} is written with trafficPolicy Allow, which admits every host and port there ({hosts} among them); read back, the external service's host is its name.");
        }
        if (!deny && anyRoute) ctx.Approximated($"{plan.Path}.ports", "Not every port has a route, so the EgressNetwork is written with trafficPolicy Allow to keep them reachable: every port and host of its networks may be reached, not only those its routes name.");
        if (external.Resolution != Resolution.Static)
        {
            ctx.Approximated($"{plan.Path}.resolution", "Linkerd forwards egress traffic to the address the client connected to; the resolution is not written (an external service with addresses reads back as static).");
        }
        return new EgressNetwork
        {
            Metadata = new V1ObjectMeta { Name = external.Name, NamespaceProperty = external.Namespace },
            Spec =
            {
                TrafficPolicy = deny ? "Deny" : "Allow",
                Networks = [.. external.Addresses.Select(a => new Network { Cidr = Cidrs.Of(a) })],
            },
        };
    }

    /// <summary>
    /// Model → Linkerd: a service named by host only: its routes hang on the namespace's shared network (written when any route
    /// is: returns whether one is). Its TCP ports are reported and not written. A TCP connection carries no host name, so a
    /// TCPRoute cannot be limited to the hosts: on the namespace's shared network it would let every destination outside the
    /// cluster out on its port, turning the allow-list into allow-all there — and read back it would have no host to give the
    /// external service (the import declines routes that let every host through the shared network). Refusing, with a
    /// diagnostic that says to give the service its addresses, keeps the allow-list what the model says; on a service's own
    /// network the addresses already limit the destination, so there the TCPRoute is exact.
    /// </summary>
    public static bool SharedNetwork(EgressMapping.Plan plan, List<int> unwritten, bool anyRoute, RouteExportContext ctx)
    {
        var external = plan.Service;
        foreach (var k in unwritten.Where(k => !plan.Reported[k]))
        {
            var port = external.Ports[k].Port;
            ctx.Unsupported($"{plan.Path}.ports[{k}]", $"A TCP connection carries no host name to match: a TCPRoute on port {port} of namespace '{external.Namespace}''s shared EgressNetwork would let every destination outside the cluster out on that port, not only {string.Join(", ", external.Hosts)}, so it is not written. Where the namespace's EgressNetwork (trafficPolicy Deny) is written for other hosts, connections on port {port} are refused; give the external service its addresses to have the port written as a TCPRoute on an EgressNetwork of those addresses.");
        }
        if (!anyRoute) return false;
        if (external.Resolution != Resolution.Dns)
        {
            ctx.Approximated($"{plan.Path}.resolution", "Linkerd forwards egress traffic to the address the client resolved and connected to; the resolution is not written (an external service named by host reads back as dns).");
        }
        return true;
    }

    /// <summary>
    /// Linkerd → model: the EgressNetwork without networks Linkerd consults in each namespace: the oldest, then the first by name (every such
    /// network covers the same addresses). The others are reported and marked dead.
    /// </summary>
    public static Dictionary<string, (string, string)> ActiveNamespaceNetworks(Dictionary<(string Namespace, string Name), EgressMapping.NetworkEntry> networks, HashSet<(string, string)> dead, ImportContext ctx)
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

    /// <summary>Linkerd → model: an EgressNetwork with networks: its addresses, and the hosts and ports of its routes; null (reported) when it lets nothing through.</summary>
    public static ExternalService? AddressService(EgressMapping.NetworkEntry entry, List<(RouteEntry Route, Attachment Parent)> routes, ImportContext ctx)
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
        var name = ServiceName(entry.Name, entry.Source, ctx);
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
        foreach (var (route, _) in routes) route.Owner ??= (new ServiceRef(name, entry.Namespace), true);
        var hosts = Hosts(routes.Select(r => r.Route).Distinct().ToList(), $"the other routes of EgressNetwork '{entry.Name}'", ctx);
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
    /// Linkerd → model: the routes on a namespace's EgressNetwork without networks → external services named by host: grouped by
    /// route name less its <c>-&lt;port&gt;</c> suffix; a group whose routes disagree on their hosts becomes one service per route.
    /// </summary>
    public static List<ExternalService> HostServices(List<(RouteEntry Route, Attachment Parent)> attached, HashSet<(string, string)> taken, ImportContext ctx)
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
        foreach (var group in routes.GroupBy(r => GroupName(r.Route, r.Parents, ctx), StringComparer.Ordinal))
        {
            var members = group.ToList();
            var sets = members.Select(m => string.Join(",", m.Route.Hostnames!.Order(StringComparer.Ordinal))).Distinct(StringComparer.Ordinal).Count();
            if (sets == 1 && !taken.Contains((members[0].Route.Namespace, group.Key)))
            {
                result.Add(HostService(group.Key, members, taken, ctx));
                continue;
            }
            foreach (var member in members)
            {
                var own = ServiceName(member.Route.Name, member.Route.Source, ctx);
                if (taken.Contains((member.Route.Namespace, own)))
                {
                    ctx.NotImported(member.Route.Source, "$", $"Another external service of namespace '{member.Route.Namespace}' is already named '{own}'; this route was not imported.");
                    continue;
                }
                result.Add(HostService(own, [member], taken, ctx));
            }
        }
        return result;
    }

    private static ExternalService HostService(string name, List<(RouteEntry Route, List<(RouteEntry, Attachment)> Parents)> members, HashSet<(string, string)> taken, ImportContext ctx)
    {
        var ns = members[0].Route.Namespace;
        taken.Add((ns, name));
        foreach (var member in members) member.Route.Owner ??= (new ServiceRef(name, ns), false);
        return new ExternalService
        {
            Name = name,
            Namespace = ns,
            Hosts = [.. Hosts([.. members.Select(m => m.Route)], "the other routes", ctx)],
            Ports = Ports([.. members.SelectMany(m => m.Parents)]),
            Resolution = Resolution.Dns,
        };
    }

    /// <summary>
    /// The name of the external service a route on a namespace's network belongs to: the route's name less <c>-&lt;port&gt;</c>
    /// when it has that one port (how the export names the route of each port), else the route's name.
    /// </summary>
    private static string GroupName(RouteEntry route, List<(RouteEntry, Attachment Parent)> parents, ImportContext ctx)
    {
        var ports = parents.Select(p => p.Parent.Port).Distinct().ToList();
        if (ports.Count == 1)
        {
            var suffix = "-" + ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (route.Name.Length > suffix.Length && route.Name.EndsWith(suffix, StringComparison.Ordinal) && DnsNames.IsDnsLabel(route.Name[..^suffix.Length])) return route.Name[..^suffix.Length];
        }
        return ServiceName(route.Name, route.Source, ctx);
    }

    /// <summary>The union of the routes' host names; a route whose hosts are not all of them is reported (a TCPRoute has none to report).</summary>
    private static List<string> Hosts(List<RouteEntry> routes, string others, ImportContext ctx)
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

    private static EquatableArray<ServicePort> Ports(IEnumerable<(RouteEntry Route, Attachment Parent)> routes) =>
        [.. routes.DistinctBy(r => r.Parent.Port).OrderBy(r => r.Parent.Port).Select(r => new ServicePort { Port = r.Parent.Port, Protocol = r.Route.Protocol })];

    /// <summary>A model name for a resource name: itself when it is a DNS label, else made one (and said so).</summary>
    private static string ServiceName(string name, string source, ImportContext ctx)
    {
        if (DnsNames.IsDnsLabel(name)) return name;
        var label = ResourceNames.Join(name, string.Empty);
        ctx.NotImportedInfo(source, "$.metadata.name", $"'{name}' is not a DNS label, which the model's external service names are; it was read as '{label}'.");
        return label;
    }
}

using System.Globalization;
using Mesh.Model;

namespace Mesh.Xds.Planning;

/// <summary>
/// Plans a sidecar's outbound layer-4 traffic: the TLS and TCP ports of the services and external services it sees, on the
/// per-port listeners <c>0.0.0.0_&lt;port&gt;</c> (the HTTP ones of <see cref="ListenerPlanner"/>, or new ones). A connection
/// on a port is told apart by what the model knows of its destination:
/// <list type="bullet">
/// <item>an external service's TLS port: a filter chain per host, matched by SNI (<c>server_names</c>, behind the TLS
/// inspector; a <c>*.</c> wildcard as Envoy takes it), to that host's cluster;</item>
/// <item>an external service's TCP port, when it has addresses or IP endpoints: a chain matched by destination address
/// (<c>prefix_ranges</c>), to the cluster of its first host;</item>
/// <item>any other TCP or TLS port (every mesh service's — the model knows no service addresses — and an external service's
/// TCP port without addresses): nothing distinguishes its connections but the port, so it takes the port's catch-all chain
/// when it is the only such destination on a port that carries no HTTP; otherwise it cannot be told apart and is reported.</item>
/// </list>
/// A TCP route of the destination replaces its own cluster by the route's backends (<c>weighted_clusters</c>). The catch-all
/// chain of a port without HTTP (and without its one address-less destination) sends to the outbound scope's cluster, as the
/// HTTP catch-all does. Hosts the outbound policy does not cover get no chain. Gateways and proxyless clients get none of this.
/// </summary>
internal static class OutboundTcpPlanner
{
    /// <summary>A layer-4 destination on one port, before the port's destinations are told apart.</summary>
    private sealed record Destination(ServiceRef Reference, int Port, string Path, string What, string OwnCluster, string? ExternalHost, string[] ServerNames, CidrPlan[] Prefixes)
    {
        public bool AddressLess => ServerNames.Length == 0 && Prefixes.Length == 0;
    }

    /// <summary>
    /// The listeners with the layer-4 chains added: an HTTP port's listener gains its chains; a port without HTTP gets a
    /// listener of its own. <paramref name="clusters"/> maps every outbound cluster's name to the service or external service it is for.
    /// </summary>
    public static ListenerPlan[] Listeners(PlanContext context, ListenerPlan[] listeners, Dictionary<string, ServiceRef> clusters)
    {
        if (context.Proxyless || context.IsGateway) return listeners;
        var config = context.Config;
        var byPort = new SortedDictionary<int, List<Destination>>();
        void Add(Destination d)
        {
            if (!byPort.TryGetValue(d.Port, out var list)) byPort[d.Port] = list = [];
            list.Add(d);
        }
        for (var s = 0; s < config.Services.Count; s++)
        {
            var service = config.Services[s];
            if (!context.IsCovered(service.Reference)) continue;
            for (var j = 0; j < service.Ports.Count; j++)
            {
                var port = service.Ports[j];
                if (PlanContext.IsHttp(port.Protocol)) continue;
                var own = context.ClusterName(service.Reference, port.Port, null);
                if (!clusters.ContainsKey(own)) continue;
                Add(new Destination(service.Reference, port.Port, $"$.spec.services[{s}].ports[{j}]", $"{service.Reference} port {Number(port.Port)} ({WireNames.Of(port.Protocol)})", own, null, [], []));
            }
        }
        foreach (var e in ExternalPlanner.InOrder(config))
        {
            var external = config.ExternalServices[e];
            var reference = PlanContext.Ref(external);
            if (!context.IsCovered(reference)) continue;
            var path = $"$.spec.externalServices[{e}]";
            for (var j = 0; j < external.Ports.Count; j++)
            {
                var port = external.Ports[j];
                if (PlanContext.IsHttp(port.Protocol)) continue;
                if (port.Protocol == Protocol.Tls)
                {
                    // One chain per host, by SNI: the app speaks TLS itself and names the host it calls.
                    for (var h = 0; h < external.Hosts.Count; h++)
                    {
                        var host = external.Hosts[h];
                        var own = ResourceNames.OutboundCluster(host, port.Port, null);
                        // No cluster (a wildcard DNS cannot resolve), or another external service's: reported by ExternalPlanner.
                        if (!clusters.TryGetValue(own, out var owner) || owner != reference) continue;
                        Add(new Destination(reference, port.Port, $"{path}.hosts[{h}]", $"{reference} host '{host}' port {Number(port.Port)} (tls)", own, host, [host], []));
                    }
                    continue;
                }
                var first = external.Hosts.FirstOrDefault(h => clusters.TryGetValue(ResourceNames.OutboundCluster(h, port.Port, null), out var o) && o == reference);
                if (first is null) continue;
                Add(new Destination(reference, port.Port, $"{path}.ports[{j}]", $"{reference} port {Number(port.Port)} ({WireNames.Of(port.Protocol)})",
                    ResourceNames.OutboundCluster(first, port.Port, null), first, [], Prefixes(external)));
            }
        }

        var routed = new bool[config.TcpRoutes.Count];
        var result = new List<ListenerPlan>(listeners);
        var catchAll = OutboundScope.CatchAllCluster(context);
        foreach (var (port, destinations) in byPort)
        {
            var name = ResourceNames.OutboundListener(port);
            var http = result.FindIndex(l => string.Equals(l.Name, name, StringComparison.Ordinal));
            var chains = new List<TcpChainPlan>();
            var serverNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var prefixes = new Dictionary<(string, int), string>();
            var addressLess = new List<(Destination, BackendPlan[])>();
            foreach (var d in destinations)
            {
                var backends = Backends(context, d, clusters, routed);
                if (d.ServerNames.Length > 0)
                {
                    if (!serverNames.Add(d.ServerNames[0]))
                    {
                        context.Warning(XdsDiagnosticCodes.NotEncoded, d.Path,
                            $"External service {d.What} has no filter chain: another external service's TLS port {Number(port)} already matches the server name '{d.ServerNames[0]}' (Envoy rejects two chains with the same match); its clusters are kept.");
                        continue;
                    }
                    chains.Add(new TcpChainPlan(d.OwnCluster, d.ServerNames, [], backends, d.OwnCluster));
                }
                else if (d.Prefixes.Length > 0)
                {
                    var kept = new List<CidrPlan>();
                    foreach (var prefix in d.Prefixes)
                    {
                        if (prefixes.TryGetValue((prefix.Address, prefix.Length), out var holder))
                        {
                            context.Warning(XdsDiagnosticCodes.NotEncoded, d.Path,
                                $"External service {d.What}: the address block {prefix.Address}/{Number(prefix.Length)} is not matched for it: {holder} already matches it on port {Number(port)} (Envoy rejects two chains with the same match).");
                            continue;
                        }
                        prefixes[(prefix.Address, prefix.Length)] = d.What;
                        kept.Add(prefix);
                    }
                    if (kept.Count > 0) chains.Add(new TcpChainPlan(d.OwnCluster, [], [.. kept], backends, d.OwnCluster));
                }
                else
                {
                    addressLess.Add((d, backends));
                }
            }
            TcpChainPlan? fallback = null;
            if (http >= 0)
            {
                foreach (var (d, _) in addressLess)
                {
                    Ambiguous(context, d, $"port {Number(port)} also carries HTTP services, whose connections the HTTP connection manager takes, and nothing else tells {d.What}'s connections apart (the model knows no address of it)");
                }
            }
            else if (addressLess.Count == 1)
            {
                var (d, backends) = addressLess[0];
                fallback = new TcpChainPlan(d.OwnCluster, [], [], backends, d.OwnCluster);
            }
            else
            {
                foreach (var (d, _) in addressLess)
                {
                    var others = string.Join(", ", addressLess.Where(o => o.Item1 != d).Select(o => o.Item1.What));
                    Ambiguous(context, d, $"it shares port {Number(port)} with {others}, and the model knows no address that tells their connections apart");
                }
            }
            if (chains.Count == 0 && fallback is null) continue;
            var tcp = new OutboundTcpPlan([.. chains], http >= 0 ? null : fallback ?? Scope(catchAll), chains.Any(c => c.ServerNames.Length > 0));
            if (http >= 0) result[http] = result[http] with { Tcp = tcp };
            else result.Add(new ListenerPlan(name, port, false, string.Empty, false, ResourceNames.OutboundStatPrefix(name), Tcp: tcp));
        }
        ReportUnrouted(context, routed);
        result.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return [.. result];
    }

    private static TcpChainPlan Scope(string cluster) => new(cluster, [], [], [new BackendPlan(cluster, 1, default, null)], cluster);

    private static void Ambiguous(PlanContext context, Destination d, string why)
    {
        context.Warning(XdsDiagnosticCodes.NotEncoded, d.Path,
            $"{d.What} has no filter chain: {why}. Its connections take the port's catch-all; its clusters are kept.{(d.ExternalHost is not null ? " Give the external service addresses to match its connections by destination." : string.Empty)}");
        for (var r = 0; r < context.Config.TcpRoutes.Count; r++)
        {
            if (Applies(context.Config.TcpRoutes[r], d))
            {
                context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.tcpRoutes[{r}]", $"TCP route {context.Config.TcpRoutes[r].Namespace}/{context.Config.TcpRoutes[r].Name} is not encoded on port {Number(d.Port)}: {d.What} has no filter chain ({why}).");
            }
        }
    }

    private static bool Applies(TcpRoute route, Destination d) => route.Host == d.Reference && (route.Port is null || route.Port == d.Port);

    /// <summary>
    /// The clusters a destination's chain sends to: its TCP route's backends by weight (<see cref="Resolve"/>), else its own
    /// cluster — also when a backend has no cluster to send to (reported: dropping the backend would change the split).
    /// </summary>
    private static BackendPlan[] Backends(PlanContext context, Destination d, Dictionary<string, ServiceRef> clusters, bool[] routed)
    {
        var config = context.Config;
        var r = -1;
        for (var i = 0; i < config.TcpRoutes.Count && r < 0; i++)
        {
            if (Applies(config.TcpRoutes[i], d)) r = i;
        }
        if (r < 0) return [new BackendPlan(d.OwnCluster, 1, d.Reference, null)];
        routed[r] = true;
        var route = config.TcpRoutes[r];
        var own = d.ExternalHost is { } host ? (d.Reference, host) : ((ServiceRef, string)?)null;
        if (Resolve(context, route.Backends, d.Port, own, clusters, out var failed, out var problem) is { } result) return result;
        context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.tcpRoutes[{r}].backends[{failed}]",
            $"TCP route {route.Namespace}/{route.Name} is not encoded for {d.What}: {problem}. Its connections go to {d.OwnCluster}, unsplit.");
        return [new BackendPlan(d.OwnCluster, 1, d.Reference, null)];
    }

    /// <summary>
    /// The clusters a layer-4 route's backends send to, by weight (merged by cluster; a backend of weight 0 is left out), as a
    /// sidecar's TCP route and a gateway's TLS and TCP routes resolve them: a backend's port, else <paramref name="port"/> when
    /// its service has it (0: no port to default to), else its service's only port. An external service is reached through the
    /// cluster of <paramref name="own"/>'s host when it is that destination, else of its first resolvable host. Null when a
    /// backend has no cluster among <paramref name="clusters"/>: <paramref name="failed"/> is its index and <paramref name="problem"/> why
    /// (the caller reports it: dropping the backend would change the split).
    /// </summary>
    internal static BackendPlan[]? Resolve(PlanContext context, Mesh.Collections.EquatableArray<WeightedBackend> backends, int port, (ServiceRef Service, string Host)? own, Dictionary<string, ServiceRef> clusters, out int failed, out string? problem)
    {
        var result = new List<BackendPlan>(backends.Count);
        failed = -1;
        problem = null;
        for (var b = 0; b < backends.Count; b++)
        {
            var backend = backends[b];
            if (backend.Weight <= 0) continue;
            string? cluster = null;
            Mesh.Collections.EquatableArray<ServicePort> ports = default;
            string? externalHost = null;
            if (context.FindService(backend.Service) is { } service)
            {
                ports = service.Ports;
            }
            else if (context.FindExternal(backend.Service) is { } external)
            {
                ports = external.Ports;
                externalHost = own is { } o && backend.Service == o.Service ? o.Host : ExternalPlanner.FirstResolvableHost(external);
                if (externalHost is null) problem = $"{backend.Service} has no cluster: its hosts are wildcards that DNS cannot resolve, and it has no endpoints";
            }
            else
            {
                problem = $"{backend.Service} is not a service of the model";
            }
            if (problem is null)
            {
                var resolved = backend.Port ?? (port != 0 && ports.Any(x => x.Port == port) ? port : ports.Count == 1 ? ports[0].Port : null);
                if (resolved is not { } p)
                {
                    problem = ports.Count == 0 ? $"{backend.Service} has no ports"
                        : port == 0 ? $"{backend.Service} names no port and has more than one port: say which one"
                        : $"{backend.Service} names no port, has no port {Number(port)} and more than one port: say which one";
                }
                else
                {
                    cluster = externalHost is null ? context.ClusterName(backend.Service, p, backend.Subset) : ResourceNames.OutboundCluster(externalHost, p, backend.Subset);
                    if (!clusters.ContainsKey(cluster)) problem = $"this proxy has no cluster {cluster}";
                }
            }
            if (problem is not null)
            {
                failed = b;
                return null;
            }
            var existing = result.FindIndex(x => string.Equals(x.Cluster, cluster, StringComparison.Ordinal));
            if (existing >= 0) result[existing] = result[existing] with { Weight = result[existing].Weight + backend.Weight };
            else result.Add(new BackendPlan(cluster!, backend.Weight, backend.Service, backend.Subset));
        }
        return [.. result];
    }

    /// <summary>Reports the TCP routes of covered hosts that apply to no TLS or TCP port the sidecar has a destination on.</summary>
    private static void ReportUnrouted(PlanContext context, bool[] routed)
    {
        var config = context.Config;
        for (var r = 0; r < config.TcpRoutes.Count; r++)
        {
            var route = config.TcpRoutes[r];
            if (routed[r] || !context.IsCovered(route.Host)) continue;
            var ports = context.FindService(route.Host)?.Ports ?? context.FindExternal(route.Host)?.Ports ?? default;
            var layer4 = ports.Where(p => !PlanContext.IsHttp(p.Protocol) && (route.Port is null || p.Port == route.Port)).ToList();
            if (layer4.Count > 0) continue; // the host's port has no cluster for this proxy: reported where the cluster is planned
            context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.tcpRoutes[{r}]", route.Port is { } port
                ? $"TCP route {route.Namespace}/{route.Name} is not encoded: port {Number(port)} of {route.Host} is an HTTP port, whose connections the HTTP listener routes by request."
                : $"TCP route {route.Namespace}/{route.Name} is not encoded: {route.Host} has no TCP or TLS port (its HTTP ports are routed by request).");
        }
    }

    /// <summary>The destination address blocks of an external service: its addresses (IPs and CIDR blocks) and its endpoints' IP addresses.</summary>
    private static CidrPlan[] Prefixes(ExternalService external)
    {
        var result = new List<CidrPlan>();
        foreach (var address in external.Addresses)
        {
            if (CidrPlan.Parse(address) is { } block && !result.Exists(c => c.Address == block.Address && c.Length == block.Length)) result.Add(block);
        }
        foreach (var endpoint in external.Endpoints)
        {
            if (System.Net.IPAddress.TryParse(endpoint.Address, out _) && CidrPlan.Parse(endpoint.Address) is { } host && !result.Exists(c => c.Address == host.Address && c.Length == host.Length)) result.Add(host);
        }
        return [.. result];
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

using Mesh.Kubernetes;
using k8s.Models;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Translation;
using Mesh.Providers.Linkerd.Mapping;
using Mesh.Providers.Linkerd.Resources;
using GatewayResources = Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.Linkerd.Export;

/// <summary>
/// External services → <c>EgressNetwork</c>s and the routes that let their hosts leave.
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
/// The model says "these hosts, on these ports, are reachable". It is written as an allow-list per namespace:
/// </para>
/// <list type="bullet">
/// <item>the external services of a namespace named by host only share one EgressNetwork without networks,
/// <c>all-egress-traffic</c> (<c>-2</c>, … if an external service with addresses has that name), with
/// <c>trafficPolicy: Deny</c>; each of their ports is a route on it whose
/// <c>hostnames</c> are the hosts: HTTP and HTTP/2 ports an HTTPRoute (<see cref="LinkerdOptions.RouteApi"/> picks its API
/// group, as for mesh routes), gRPC ports a GRPCRoute, TLS ports a TLSRoute (<c>v1alpha2</c>). With Deny exactly the
/// declared hosts on the declared ports leave the namespace — what Istio's registry-only mode makes of its ServiceEntries —
/// and since every such route hangs on the one network Linkerd consults, every declared host really is reachable;</item>
/// <item>an external service with addresses keeps its own EgressNetwork whose networks are the addresses (more specific
/// than the namespace's, so it decides for them), with its ports as routes on it — TCP ports as TCPRoutes
/// (<see cref="LinkerdExporter.TcpApiVersion"/>), which the network limits to the addresses — and <c>trafficPolicy:
/// Deny</c>; <c>Allow</c> only when a port has no route (no ports at all, or a route name already taken) so that nothing
/// declared becomes unreachable.</item>
/// </list>
/// <para>
/// TCP ports of a service named by host only are reported and not written. A TCP connection carries no host name, so a
/// TCPRoute cannot be limited to the hosts: on the namespace's shared network it would let every destination outside the
/// cluster out on its port, turning the allow-list into allow-all there — and read back it would have no host to give the
/// external service (the importer declines routes that let every host through the shared network). Refusing, with a
/// diagnostic that says to give the service its addresses, keeps the allow-list what the model says; on a service's own
/// network the addresses already limit the destination, so there the TCPRoute is exact.
/// </para>
/// <para>
/// Every route has one rule whose backend is its EgressNetwork without a port (the original destination, as Linkerd's
/// documentation writes it), and is named <c>&lt;external service&gt;-&lt;port&gt;</c>, which the importer reads back.
/// Linkerd applies one kind of route per port of an EgressNetwork (GRPCRoute, else HTTPRoute, else TLSRoute, else
/// TCPRoute): on the shared network a gRPC port that shares its number with an HTTP port is written as an HTTPRoute (which
/// matches gRPC), and a TLS port that shares it with HTTP is not written; a service's own network has one route per port
/// number. The resolution is reported unless it is what reads back (dns for host names, static for addresses), and so are
/// port names and HTTP/2 (which reads back as http), and the hosts of a service with addresses whose only routes are
/// TCPRoutes (they read back as its name).
/// </para>
/// </summary>
internal static class EgressExporter
{
    /// <summary>The EgressNetwork without networks written in each namespace that has external services named by host only.</summary>
    public const string NamespaceNetwork = "all-egress-traffic";

    /// <summary>The most host names a Gateway API route takes.</summary>
    public const int MaxHostnames = 16;

    private enum RouteKind
    {
        None,
        Http,
        Grpc,
        Tls,
        Tcp,
    }

    private sealed record Plan(ExternalService Service, string Path, bool OwnNetwork, RouteKind[] Kinds, bool[] Reported);

    /// <summary>
    /// The EgressNetworks and routes of <paramref name="config"/>'s external services, ordered by namespace, networks first,
    /// then by name. <paramref name="written"/> holds the <c>group/Kind</c>, namespace and name of every resource already
    /// written (mesh routes, access policies): a route that would take one of those names is reported instead.
    /// </summary>
    public static IEnumerable<object> Export(MeshConfig config, LinkerdOptions options, RouteExportContext ctx, IReadOnlySet<(string Kind, string Namespace, string Name)> written)
    {
        var plans = Plans(config, ctx);
        ResolvePortConflicts(plans, ctx);
        var own = plans.Where(p => p.OwnNetwork).Select(p => (p.Service.Namespace, p.Service.Name)).ToHashSet();
        var used = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var result = new List<(string Namespace, int Rank, string Name, object Resource)>();
        foreach (var plan in plans)
        {
            var external = plan.Service;
            var ns = external.Namespace;
            var network = plan.OwnNetwork ? external.Name : SharedName(ns, own);
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
                var name = $"{external.Name}-{port.Port}";
                var (group, kindName) = Identity(kind, options);
                if (written.Contains(($"{group}/{kindName}", ns, name)))
                {
                    ctx.Unsupported(at, $"A {kindName} named '{name}' is already written for a route or access policy of namespace '{ns}'; the route of this port is not written.");
                    plan.Reported[k] = true;
                    unwritten.Add(k);
                    continue;
                }
                // A TCPRoute has no host names: the hosts are only worked out (and cut to the limit) for the routes that carry them.
                if (kind != RouteKind.Tcp) hosts ??= Hosts(external, plan.Path, ctx);
                anyRoute = true;
                result.Add((ns, 1, name, Route(kind, name, ns, network, port.Port, hosts ?? [], options)));
                var readBack = kind switch { RouteKind.Grpc => Protocol.Grpc, RouteKind.Tls => Protocol.Tls, RouteKind.Tcp => Protocol.Tcp, _ => Protocol.Http };
                if (port.Protocol == Protocol.Http2) ctx.Approximated($"{at}.protocol", "An HTTPRoute matches HTTP/1 and HTTP/2 alike; the port reads back as http.");
                if (port.Name is { } portName && portName != $"{WireNames.Of(port.Protocol)}-{port.Port}")
                {
                    ctx.Approximated($"{at}.name", $"A route names the port of its EgressNetwork by number; the name '{portName}' is not written (it reads back as '{WireNames.Of(readBack)}-{port.Port}').");
                }
            }
            if (plan.OwnNetwork) OwnNetwork(plan, unwritten, anyRoute, hosts is not null, result, ctx);
            else if (SharedNetwork(plan, unwritten, anyRoute, ctx)) used[ns] = network;
        }
        foreach (var (ns, name) in used)
        {
            result.Add((ns, 0, name, new EgressNetwork
            {
                Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
                Spec = { TrafficPolicy = "Deny" },
            }));
        }
        return result
            .OrderBy(r => r.Namespace, StringComparer.Ordinal)
            .ThenBy(r => r.Rank)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => r.Resource);
    }

    /// <summary>
    /// The name of a namespace's shared EgressNetwork: <see cref="NamespaceNetwork"/>, or when an external service with
    /// addresses of that namespace has that name (its own network), the first of <c>all-egress-traffic-2</c>, <c>-3</c>, … that
    /// none has.
    /// </summary>
    private static string SharedName(string ns, HashSet<(string, string)> own)
    {
        var name = NamespaceNetwork;
        for (var n = 2; own.Contains((ns, name)); n++) name = $"{NamespaceNetwork}-{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        return name;
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

    /// <summary>
    /// The service's own EgressNetwork: its addresses as networks; Deny when every port has a route (TCP ports included),
    /// Allow otherwise (no ports, or a route whose name was taken).
    /// </summary>
    private static void OwnNetwork(Plan plan, List<int> unwritten, bool anyRoute, bool hostRoute, List<(string, int, string, object)> result, RouteExportContext ctx)
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
        result.Add((external.Namespace, 0, external.Name, new EgressNetwork
        {
            Metadata = new V1ObjectMeta { Name = external.Name, NamespaceProperty = external.Namespace },
            Spec =
            {
                TrafficPolicy = deny ? "Deny" : "Allow",
                Networks = [.. external.Addresses.Select(a => new Network { Cidr = Cidrs.Of(a) })],
            },
        }));
    }

    /// <summary>A service named by host only: its routes hang on the namespace's shared network (written when any route is: returns whether one is).</summary>
    private static bool SharedNetwork(Plan plan, List<int> unwritten, bool anyRoute, RouteExportContext ctx)
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

    /// <summary>The hosts as route hostnames: lower case, distinct, sorted, at most <see cref="MaxHostnames"/> (the rest reported).</summary>
    private static List<string> Hosts(ExternalService external, string path, RouteExportContext ctx)
    {
        var hosts = external.Hosts.Select(h => h.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (hosts.Count <= MaxHostnames) return hosts;
        ctx.Unsupported($"{path}.hosts", $"A route takes at most {MaxHostnames} host names; {string.Join(", ", hosts.Skip(MaxHostnames))} are not written.");
        return hosts.Take(MaxHostnames).ToList();
    }

    private static (string Group, string Kind) Identity(RouteKind kind, LinkerdOptions options) => kind switch
    {
        RouteKind.Http when options.RouteApi == LinkerdRouteApi.Policy => (PolicyHttpRoute.KubeGroup, PolicyHttpRoute.KubeKind),
        RouteKind.Http => (GatewayResources.HttpRoute.KubeGroup, GatewayResources.HttpRoute.KubeKind),
        RouteKind.Grpc => (GatewayResources.GrpcRoute.KubeGroup, GatewayResources.GrpcRoute.KubeKind),
        RouteKind.Tcp => (GatewayResources.TcpRoute.KubeGroup, GatewayResources.TcpRoute.KubeKind),
        _ => (GatewayResources.TlsRoute.KubeGroup, GatewayResources.TlsRoute.KubeKind),
    };

    private static object Route(RouteKind kind, string name, string ns, string network, int port, List<string> hosts, LinkerdOptions options)
    {
        var metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns };
        List<GatewayResources.ParentReference> parents = [new() { Group = EgressNetwork.KubeGroup, Kind = EgressNetwork.KubeKind, Namespace = ns, Name = network, Port = port }];
        // The EgressNetwork as backend is the original destination; Linkerd's documentation leaves its port out.
        List<GatewayResources.BackendRef> backends = [new() { Group = EgressNetwork.KubeGroup, Kind = EgressNetwork.KubeKind, Name = network }];
        switch (kind)
        {
            case RouteKind.Http:
                var spec = new GatewayResources.HttpRouteSpec { Hostnames = [.. hosts], ParentRefs = parents, Rules = [new() { BackendRefs = backends }] };
                return options.RouteApi == LinkerdRouteApi.Policy
                    ? new PolicyHttpRoute { Metadata = metadata, Spec = spec }
                    : new GatewayResources.HttpRoute { Metadata = metadata, Spec = spec };
            case RouteKind.Grpc:
                return new GatewayResources.GrpcRoute { Metadata = metadata, Spec = { Hostnames = [.. hosts], ParentRefs = parents, Rules = [new() { BackendRefs = backends }] } };
            case RouteKind.Tcp:
                // Linkerd applies a TCPRoute with exactly one rule.
                return new GatewayResources.TcpRoute { ApiVersion = LinkerdExporter.TcpApiVersion, Metadata = metadata, Spec = { ParentRefs = parents, Rules = [new() { BackendRefs = backends }] } };
            default:
                return new GatewayResources.TlsRoute { Metadata = metadata, Spec = { Hostnames = [.. hosts], ParentRefs = parents, Rules = [new() { BackendRefs = backends }] } };
        }
    }
}

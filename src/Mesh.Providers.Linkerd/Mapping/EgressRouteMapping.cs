using k8s.Models;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Validation;
using Mesh.Providers.GatewayApi.Translation;
using Mesh.Providers.Linkerd.Resources;
using GatewayResources = Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.Linkerd.Mapping;

/// <summary>
/// A port of an external service ↔ a route on an <c>EgressNetwork</c> (<see cref="EgressMapping"/>). Written: one route per
/// port, named <c>&lt;external service&gt;-&lt;port&gt;</c>, whose parent is the EgressNetwork on that port and whose one rule's
/// backend is the EgressNetwork without a port (the original destination, as Linkerd's documentation writes it); HTTP and
/// HTTP/2 ports as HTTPRoutes (<see cref="LinkerdOptions.RouteApi"/> picks the API group), gRPC ports as GRPCRoutes, TLS ports
/// as <c>v1alpha2</c> TLSRoutes, all with the hosts as <c>hostnames</c> (at most <see cref="MaxHostnames"/>), and TCP ports
/// (on a service's own network only) as <see cref="RouteMapping.TcpApiVersion"/> TCPRoutes, which have no host names. Read: a
/// route's EgressNetwork parents and ports (HTTPRoute → http, GRPCRoute → grpc, TLSRoute → tls, TCPRoute → tcp) and its host
/// names; a rule carries the route when it has no backends or a backend that is its EgressNetwork. An HTTPRoute or GRPCRoute
/// whose matches, filters, timeouts, retry annotations, weights or other backends narrow or redirect the traffic is read
/// as a model route on its external service (<see cref="ExternalRouteMapping"/>), and a TCPRoute whose rule splits or sends
/// elsewhere as a model TCP route on it (<see cref="ExternalTcpRouteMapping"/>); on a TLSRoute other backends are reported. A route none of whose rules lets traffic leave is not imported, nor is a TCPRoute without exactly one rule
/// (Linkerd rejects it).
/// </summary>
internal static class EgressRouteMapping
{
    /// <summary>The most host names a Gateway API route takes.</summary>
    public const int MaxHostnames = 16;

    /// <summary>
    /// A backend that is the external service itself, as the Gateway API mapping takes it before it becomes the EgressNetwork:
    /// with the first port the route is written for (the EgressNetwork backend needs none) and no subset. Linkerd sends such
    /// traffic to the original destination, so a subset and a port other than the one called are reported.
    /// </summary>
    public static WeightedBackend OriginalDestination(WeightedBackend backend, IReadOnlyList<int> ports, string path, ExportContext ctx)
    {
        if (backend.Subset is not null) ctx.Unsupported($"{path}.subset", $"Linkerd sends egress to the original destination, the address the client called, whatever endpoint a subset would pick: subset '{backend.Subset}' is not written.");
        if (backend.Port is { } port && !(ports.Count == 1 && ports[0] == port)) ctx.Approximated($"{path}.port", $"Linkerd sends egress to the original destination, on the port the client called; port {port} is not written.");
        return backend with { Subset = null, Port = ports[0] };
    }

    /// <summary>The kind of route written for a port.</summary>
    internal enum RouteKind
    {
        None,
        Http,
        Grpc,
        Tls,
        Tcp,
    }

    /// <summary>An EgressNetwork parent of a route read: its index in <c>parentRefs</c>, the network's name and the port.</summary>
    internal sealed record Attachment(int Index, string Network, int Port);

    /// <summary>
    /// A route read: its kind, precedence on a port (GRPCRoute 0 … TCPRoute 3), the protocol it gives its port, host names and
    /// parents; <see cref="Routing"/> is the HTTPRoute or GRPCRoute itself when its rules do more than let the traffic leave
    /// (read as a model route on the external service, <see cref="ExternalRouteMapping"/>), and <see cref="Owner"/> the
    /// external service it was read into.
    /// </summary>
    internal sealed record RouteEntry(string Kind, int Precedence, Protocol Protocol, string Name, string Namespace, string Source, List<string>? Hostnames, List<Attachment> Parents)
    {
        /// <summary>The route, when it routes (matches, filters, timeouts, retries, other backends or weights); null for a route that only lets traffic leave.</summary>
        public object? Routing { get; init; }

        /// <summary>The route's metadata (its retry and timeout annotations).</summary>
        public V1ObjectMeta? Metadata { get; init; }

        /// <summary>The external service the route was read into, and whether that service has a network of its own (set once).</summary>
        public (ServiceRef Service, bool OwnNetwork)? Owner { get; set; }
    }

    /// <summary>Model → Linkerd: the hosts as route hostnames: lower case, distinct, sorted, at most <see cref="MaxHostnames"/> (the rest reported).</summary>
    public static List<string> Hosts(ExternalService external, string path, RouteExportContext ctx)
    {
        var hosts = external.Hosts.Select(h => h.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (hosts.Count <= MaxHostnames) return hosts;
        ctx.Unsupported($"{path}.hosts", $"A route takes at most {MaxHostnames} host names; {string.Join(", ", hosts.Skip(MaxHostnames))} are not written.");
        return hosts.Take(MaxHostnames).ToList();
    }

    /// <summary>The API group and kind of the route written for <paramref name="kind"/>.</summary>
    public static (string Group, string Kind) Identity(RouteKind kind, LinkerdOptions options) => kind switch
    {
        RouteKind.Http when options.RouteApi == LinkerdRouteApi.Policy => (PolicyHttpRoute.KubeGroup, PolicyHttpRoute.KubeKind),
        RouteKind.Http => (GatewayResources.HttpRoute.KubeGroup, GatewayResources.HttpRoute.KubeKind),
        RouteKind.Grpc => (GatewayResources.GrpcRoute.KubeGroup, GatewayResources.GrpcRoute.KubeKind),
        RouteKind.Tcp => (GatewayResources.TcpRoute.KubeGroup, GatewayResources.TcpRoute.KubeKind),
        _ => (GatewayResources.TlsRoute.KubeGroup, GatewayResources.TlsRoute.KubeKind),
    };

    /// <summary>Model → Linkerd: the route <paramref name="name"/> of <paramref name="kind"/> on port <paramref name="port"/> of EgressNetwork <paramref name="network"/>.</summary>
    public static object ToLinkerd(RouteKind kind, string name, string ns, string network, int port, List<string> hosts, LinkerdOptions options)
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
                return new GatewayResources.TcpRoute { ApiVersion = RouteMapping.TcpApiVersion, Metadata = metadata, Spec = { ParentRefs = parents, Rules = [new() { BackendRefs = backends }] } };
            default:
                return new GatewayResources.TlsRoute { Metadata = metadata, Spec = { Hostnames = [.. hosts], ParentRefs = parents, Rules = [new() { BackendRefs = backends }] } };
        }
    }

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

    /// <summary>Linkerd → model: an egress route's parents, hostnames and whether its rules let traffic leave; null (reported) when it is not imported.</summary>
    public static RouteEntry? ToModel(object resource, V1ObjectMeta? metadata, string name, string ns, string source, ImportContext ctx)
    {
        var parentNames = ParentsOf(resource)?.Where(p => p?.Kind == EgressNetwork.KubeKind).Select(p => p.Name ?? string.Empty).ToHashSet(StringComparer.Ordinal) ?? [];
        if (ExternalRouteMapping.IsRouting(resource, metadata, parentNames))
        {
            // Its rules are read as a model route on the external service, once it is known which one (ExternalRouteMapping.ToModel).
            var routingParents = Parents(ParentsOf(resource), ns, source, ctx);
            var (routingKind, routingPrecedence, routingProtocol, routingHostnames) = resource is GatewayResources.GrpcRoute g
                ? ("GRPCRoute", 0, Protocol.Grpc, g.Spec?.Hostnames)
                : ("HTTPRoute", 1, Protocol.Http, resource is PolicyHttpRoute p ? p.Spec?.Hostnames : ((GatewayResources.HttpRoute)resource).Spec?.Hostnames);
            var routingHosts = Hostnames(routingHostnames, source, ctx);
            if (routingHostnames is { Count: > 0 } && routingHosts is { Count: 0 })
            {
                ctx.NotImported(source, "$.spec", "None of the route's host names is valid, so it was not imported.");
                return null;
            }
            if (routingParents.Count == 0)
            {
                ctx.NotImported(source, "$.spec", "The route has no EgressNetwork parent Linkerd applies it to; it was not imported.");
                return null;
            }
            return new RouteEntry(routingKind, routingPrecedence, routingProtocol, name, ns, source, routingHosts, routingParents) { Routing = resource, Metadata = metadata };
        }
        foreach (var key in metadata?.Annotations?.Keys.Where(LinkerdAnnotations.Carried.Contains).Order(StringComparer.Ordinal) ?? Enumerable.Empty<string>())
        {
            ctx.NotImported(source, "$.metadata.annotations" + JsonPaths.Segment(key), "Retries and timeouts of egress routes are not in the model's external services; the annotation was not imported.");
        }
        if (resource is GatewayResources.TcpRoute tcp && tcp.Spec?.Rules is var tcpRules && (tcpRules?.Count ?? 0) != 1)
        {
            ctx.NotImported(source, tcpRules is null ? "$.spec" : "$.spec.rules", $"Linkerd applies a TCPRoute only when it has exactly one rule, and this one has {tcpRules?.Count ?? 0}: it applies to nothing and was not imported.");
            return null;
        }
        var parents = Parents(ParentsOf(resource), ns, source, ctx);
        var names = parents.Select(p => p.Network).ToHashSet(StringComparer.Ordinal);
        if (resource is GatewayResources.TcpRoute routing && ExternalTcpRouteMapping.IsRouting(routing, names))
        {
            // Its rule is read as a model TCP route on the external service, once it is known which one (ExternalTcpRouteMapping.ToModel).
            if (parents.Count == 0)
            {
                ctx.NotImported(source, "$.spec", "The route has no EgressNetwork parent Linkerd applies it to; it was not imported.");
                return null;
            }
            return new RouteEntry("TCPRoute", 3, Protocol.Tcp, name, ns, source, null, parents) { Routing = resource, Metadata = metadata };
        }
        var ports = parents.Select(p => p.Port).ToHashSet();
        var (kind, precedence, protocol, hostnames, forwards) = resource switch
        {
            GatewayResources.GrpcRoute r => ("GRPCRoute", 0, Protocol.Grpc, r.Spec?.Hostnames, GrpcRules(r.Spec?.Rules, names, ports, ns, source, ctx)),
            PolicyHttpRoute r => ("HTTPRoute", 1, Protocol.Http, r.Spec?.Hostnames, HttpRules(r.Spec?.Rules, names, ports, ns, source, ctx)),
            GatewayResources.HttpRoute r => ("HTTPRoute", 1, Protocol.Http, r.Spec?.Hostnames, HttpRules(r.Spec?.Rules, names, ports, ns, source, ctx)),
            GatewayResources.TlsRoute r => ("TLSRoute", 2, Protocol.Tls, r.Spec?.Hostnames, TlsRules(r.Spec?.Rules, names, ports, ns, source, ctx)),
            GatewayResources.TcpRoute r => ("TCPRoute", 3, Protocol.Tcp, null, r.Spec!.Rules![0] is { } rule && Backends(rule.BackendRefs, names, ports, ns, source, "$.spec.rules[0]", ctx)),
            _ => throw new ArgumentException("Not a route.", nameof(resource)),
        };
        var hosts = Hostnames(hostnames, source, ctx);
        if (!forwards)
        {
            ctx.NotImported(source, "$.spec", "No rule of this route sends traffic on to its EgressNetwork (the original destination): it makes no host reachable, so it was not imported.");
            return null;
        }
        if (hostnames is { Count: > 0 } && hosts is { Count: 0 })
        {
            ctx.NotImported(source, "$.spec", "None of the route's host names is valid, so it was not imported.");
            return null;
        }
        if (parents.Count == 0)
        {
            ctx.NotImported(source, "$.spec", "The route has no EgressNetwork parent Linkerd applies it to; it was not imported.");
            return null;
        }
        return new RouteEntry(kind, precedence, protocol, name, ns, source, hosts, parents);
    }

    /// <summary>The EgressNetwork parents of a route; other parents, and parents Linkerd ignores, are reported.</summary>
    private static List<Attachment> Parents(List<GatewayResources.ParentReference>? parents, string ns, string source, ImportContext ctx)
    {
        var result = new List<Attachment>();
        for (var i = 0; i < (parents?.Count ?? 0); i++)
        {
            var path = $"$.spec.parentRefs[{i}]";
            if (parents![i] is not { } parent) continue;
            if (!string.IsNullOrEmpty(parent.SectionName)) ctx.NotImported(source, $"{path}.sectionName", "The model has no place for this field; it was not imported.");
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
    private static List<string>? Hostnames(List<string>? hostnames, string source, ImportContext ctx)
    {
        if (hostnames is null) return null;
        var result = new List<string>();
        for (var k = 0; k < hostnames.Count; k++)
        {
            var host = hostnames[k]?.ToLowerInvariant();
            if (DnsNames.IsHostName(host)) result.Add(host!);
            else ctx.NotImported(source, $"$.spec.hostnames[{k}]", $"'{hostnames[k]}' is not a host name (DNS labels, '*.' allowed as the first); it was not imported.");
        }
        return result;
    }

    private static bool HttpRules(List<GatewayResources.HttpRouteRule>? rules, HashSet<string> networks, HashSet<int> ports, string ns, string source, ImportContext ctx)
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
            forwards |= Backends(rule.BackendRefs, networks, ports, ns, source, path, ctx);
        }
        return forwards;
    }

    private static bool GrpcRules(List<GatewayResources.GrpcRouteRule>? rules, HashSet<string> networks, HashSet<int> ports, string ns, string source, ImportContext ctx)
    {
        if (rules is not { Count: > 0 }) return true;
        var forwards = false;
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is not { } rule) continue;
            var path = $"$.spec.rules[{i}]";
            if (rule.Matches is { Count: > 0 }) ctx.NotImported(source, $"{path}.matches", "Only the calls these matches select are let through by this rule; the model's external service lets every call to its hosts leave, so the matches were not imported.");
            if (rule.Filters is { Count: > 0 }) ctx.NotImported(source, $"{path}.filters", "The model's external services have no filters; they were not imported.");
            forwards |= Backends(rule.BackendRefs, networks, ports, ns, source, path, ctx);
        }
        return forwards;
    }

    private static bool TlsRules(List<GatewayResources.TlsRouteRule>? rules, HashSet<string> networks, HashSet<int> ports, string ns, string source, ImportContext ctx)
    {
        if (rules is not { Count: > 0 }) return true;
        var forwards = false;
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is { } rule) forwards |= Backends(rule.BackendRefs, networks, ports, ns, source, $"$.spec.rules[{i}]", ctx);
        }
        return forwards;
    }

    /// <summary>Whether a rule lets traffic leave: it has no backends, or one that is its EgressNetwork. Other backends are reported.</summary>
    private static bool Backends(List<GatewayResources.BackendRef>? backends, HashSet<string> networks, HashSet<int> ports, string ns, string source, string path, ImportContext ctx)
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
}

using CsCheck;
using Mesh.Collections;
using Mesh.Model;
using Mesh.Providers.Linkerd.Mapping;
using Mesh.Providers.Linkerd.Resources;
using Mesh.Testing;
using GatewayResources = Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.Linkerd.Tests.Generators;

/// <summary>
/// Egress both ways: <see cref="WithinCapabilities"/> are models whose external services Linkerd writes and reads back
/// exactly; <see cref="LinkerdInputs"/> are EgressNetworks and routes on them of every shape the importer meets (with and
/// without networks, Allow and Deny, route names with and without a port suffix, routes that disagree on their hosts,
/// routes without hosts, TCPRoutes with no, one or two rules, routes on missing networks, or that send traffic elsewhere or
/// split it between the EgressNetwork and a Service).
/// </summary>
internal static class EgressModels
{
    private static readonly string[] Hosts = ["httpbin.org", "api.stripe.com", "*.googleapis.com", "db.internal", "example.com"];

    private static readonly string[] Addresses = ["203.0.113.7", "198.51.100.0/24", "2001:db8::1", "2001:db8::/48"];

    /// <summary>
    /// A port written as a route. Each kind of route has its own port numbers, so the services of one namespace never put
    /// two kinds of route on one port of its shared EgressNetwork (where Linkerd would apply only one: that is reported).
    /// </summary>
    private static readonly Gen<ServicePort> RoutedPort = Gen.OneOf(
        Gen.OneOf(80, 8080).Select(p => new ServicePort { Port = p, Protocol = Protocol.Http }),
        Gen.OneOf(9090, 50051).Select(p => new ServicePort { Port = p, Protocol = Protocol.Grpc }),
        Gen.OneOf(443, 8443).Select(p => new ServicePort { Port = p, Protocol = Protocol.Tls }));

    /// <summary>
    /// A TCP port: written as a TCPRoute on the service's own EgressNetwork only (by host only, a TCP port is reported). Its
    /// numbers may be those of other kinds, since a service's own network has one route per port number.
    /// </summary>
    private static readonly Gen<ServicePort> TcpPort = Gen.OneOf(5432, 6379, 443).Select(p => new ServicePort { Port = p, Protocol = Protocol.Tcp });

    /// <summary>
    /// An external service with hosts and routed ports: by host only (dns), or with addresses (static), which may add TCP
    /// ports (the routed ports come first, so at least one route names the hosts).
    /// </summary>
    private static readonly Gen<ExternalService> Routed = Gen.Select(
        MeshGenerators.DnsName, MeshGenerators.Namespace, Gen.OneOf(Hosts).ArrayUnique[1, 3], RoutedPort.Array[1, 3], TcpPort.Array[0, 2], Gen.OneOf(Addresses).ArrayUnique[0, 2],
        (name, ns, hosts, ports, tcp, addresses) => new ExternalService
        {
            Name = name,
            Namespace = ns,
            Hosts = hosts,
            Ports = [.. (addresses.Length == 0 ? ports : [.. ports, .. tcp]).DistinctBy(p => p.Port)],
            Resolution = addresses.Length == 0 ? Resolution.Dns : Resolution.Static,
            Addresses = addresses,
        });

    /// <summary>
    /// An external service with addresses and TCP ports only: TCPRoutes on its own Deny network, and its name as its host
    /// (a TCPRoute carries no host names, so that is what reads back).
    /// </summary>
    private static readonly Gen<ExternalService> TcpOnly = Gen.Select(
        MeshGenerators.DnsName, MeshGenerators.Namespace, TcpPort.Array[1, 2], Gen.OneOf(Addresses).ArrayUnique[1, 2],
        (name, ns, ports, addresses) => new ExternalService
        {
            Name = name,
            Namespace = ns,
            Hosts = [name],
            Ports = [.. ports.DistinctBy(p => p.Port)],
            Resolution = Resolution.Static,
            Addresses = addresses,
        });

    /// <summary>An external service by network only: addresses, no ports, its name as its host (what an Allow EgressNetwork without routes reads as).</summary>
    private static readonly Gen<ExternalService> ByNetwork = Gen.Select(
        MeshGenerators.DnsName, MeshGenerators.Namespace, Gen.OneOf(Addresses).ArrayUnique[1, 3],
        (name, ns, addresses) => new ExternalService { Name = name, Namespace = ns, Hosts = [name], Resolution = Resolution.Static, Addresses = addresses });

    /// <summary>
    /// The rules of a route on an external service (what <see cref="ExternalRouteMapping"/> writes and reads back exactly): 0–1
    /// rules on a header, to the service itself or split with a cluster Service (<c>internal:8080</c>), then a rule for every
    /// other request to the service itself; every rule with the same retry policy (Linkerd's annotations are per route) and
    /// a timeout or none.
    /// </summary>
    private static readonly Gen<Func<ServiceRef, HttpRouteRule[]>> ExternalRules = Gen.Select(
        Gen.Int[0, 2], Gen.Int[1, 99], Gen.OneOf<RetryPolicy?>(null, new RetryPolicy { Attempts = 2 }, new RetryPolicy { Attempts = 3, PerTryTimeout = TimeSpan.FromSeconds(1), On = [RetryCondition.ServerError] }),
        Gen.OneOf<TimeSpan?>(null, TimeSpan.FromSeconds(5)), Gen.OneOf<TimeSpan?>(null, TimeSpan.FromMilliseconds(1500)),
        (canary, weight, retry, timeout, canaryTimeout) => (Func<ServiceRef, HttpRouteRule[]>)(host =>
        {
            // A route that sends every request on unchanged is the route written for each port anyway: it reads back as none.
            var rest = new HttpRouteRule { Backends = [new WeightedBackend { Service = host }], Retry = retry, Timeout = canary == 0 && retry is null ? timeout ?? TimeSpan.FromSeconds(10) : timeout };
            if (canary == 0) return [rest];
            var internalService = new ServiceRef("internal", host.Namespace);
            EquatableArray<WeightedBackend> backends = canary == 1
                ? [new WeightedBackend { Service = host }]
                : [new WeightedBackend { Service = host, Weight = 100 - weight }, new WeightedBackend { Service = internalService, Port = 8080, Weight = weight }];
            return [new HttpRouteRule { Matches = [new HttpMatch { Headers = [ValueMatch.Exact("x-canary", "1")] }], Backends = backends, Retry = retry, Timeout = canaryTimeout }, rest];
        }));

    /// <summary>
    /// The backends of a TCP route on an external service (what <see cref="ExternalTcpRouteMapping"/> writes and reads back
    /// exactly): a split between the service itself and a cluster Service (<c>internal-db:5432</c>), or that Service alone (the
    /// service alone is the TCPRoute written anyway, which reads back as no route).
    /// </summary>
    private static readonly Gen<Func<ServiceRef, WeightedBackend[]>> ExternalTcpBackends = Gen.Select(
        Gen.Bool, Gen.Int[1, 99],
        (split, weight) => (Func<ServiceRef, WeightedBackend[]>)(host =>
        {
            var internalService = new ServiceRef("internal-db", host.Namespace);
            return split
                ? [new WeightedBackend { Service = host, Weight = 100 - weight }, new WeightedBackend { Service = internalService, Port = 5432, Weight = weight }]
                : [new WeightedBackend { Service = internalService, Port = 5432 }];
        }));

    /// <summary>
    /// A TCP route on each external service with addresses and TCP ports, half of the time, named after the service in its
    /// namespace: on its one TCP port, or (with several) on every TCP port or on the first (<see cref="ExternalTcpBackends"/>).
    /// </summary>
    private static List<TcpRoute> TcpRoutesOn(ExternalService[] services, bool[] routed, Func<ServiceRef, WeightedBackend[]>[] backends)
    {
        var result = new List<TcpRoute>();
        for (var i = 0; i < services.Length; i++)
        {
            var external = services[i];
            var tcp = external.Ports.Where(p => p.Protocol == Protocol.Tcp).ToList();
            if (!routed[(i + 1) % routed.Length] || external.Addresses.IsEmpty || tcp.Count == 0) continue;
            var host = new ServiceRef(external.Name, external.Namespace);
            // A route without a port on a service of one TCP port reads back with that port.
            int? port = tcp.Count == 1 || routed[(i + 2) % routed.Length] ? tcp[0].Port : null;
            result.Add(new TcpRoute { Name = external.Name, Namespace = external.Namespace, Host = host, Port = port, Backends = [.. backends[i % backends.Length](host)] });
        }
        return result;
    }

    /// <summary>
    /// External services with routes on them: each service with HTTP ports and no gRPC port (an HTTPRoute on a gRPC port reads
    /// it back as http) gets, half of the time, a route of its name in its namespace (<see cref="ExternalRules"/>), and each
    /// with addresses and TCP ports, half of the time, a TCP route (<see cref="TcpRoutesOn"/>); the cluster Services those
    /// routes send to are declared as the import declares them (port 8080, http; port 5432, tcp).
    /// </summary>
    private static MeshConfig WithRoutes(ExternalService[] services, bool[] routed, Func<ServiceRef, HttpRouteRule[]>[] rules, Func<ServiceRef, WeightedBackend[]>[] tcpBackends)
    {
        var routes = new List<HttpRoute>();
        for (var i = 0; i < services.Length; i++)
        {
            var external = services[i];
            if (!routed[i % routed.Length] || !external.Ports.Any(p => p.Protocol == Protocol.Http) || external.Ports.Any(p => p.Protocol == Protocol.Grpc)) continue;
            var host = new ServiceRef(external.Name, external.Namespace);
            routes.Add(new HttpRoute { Name = external.Name, Namespace = external.Namespace, Host = host, Rules = [.. rules[i % rules.Length](host)] });
        }
        var internals = routes.SelectMany(r => r.Rules.SelectMany(x => x.Backends)).Select(b => b.Service).Where(s => s.Name == "internal").Distinct()
            .Select(s => new MeshService { Name = s.Name, Namespace = s.Namespace, Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http }] });
        var tcpRoutes = TcpRoutesOn(services, routed, tcpBackends);
        var databases = tcpRoutes.SelectMany(r => r.Backends).Select(b => b.Service).Where(s => s.Name == "internal-db").Distinct()
            .Select(s => new MeshService { Name = s.Name, Namespace = s.Namespace, Ports = [new ServicePort { Port = 5432, Protocol = Protocol.Tcp }] });
        return new MeshConfig { Name = "imported", Services = [.. internals, .. databases], Routes = [.. routes], TcpRoutes = [.. tcpRoutes], ExternalServices = [.. services] };
    }

    /// <summary>Models of 1–4 external services within Linkerd's capabilities, some with routes on them (not normalised: the round trip gives the normal form).</summary>
    public static Gen<MeshConfig> WithinCapabilities { get; } = Gen.Select(
        Gen.Frequency((4, Routed), (1, TcpOnly), (1, ByNetwork)).Array[1, 4].Select(services => services.DistinctBy(s => (s.Namespace, s.Name)).Where(s => s.Name is not ("internal" or "internal-db")).ToArray()).Where(s => s.Length > 0),
        Gen.Bool.Array[4], ExternalRules.Array[4], ExternalTcpBackends.Array[4], WithRoutes);

    private static readonly string[] Namespaces = ["shop", "ops"];

    private static readonly string[] NetworkNames = ["all-egress-traffic", "egress", "payments", "api"];

    private static readonly string[] ParentNames = [.. NetworkNames, "missing"];

    private static readonly string[] Cidrs = ["203.0.113.7/32", "198.51.100.0/24", "2001:db8::1/128", "2001:db8::/48"];

    private static readonly Gen<EgressNetwork> Network = Gen.Select(
        Gen.OneOf(NetworkNames), Gen.OneOf(Namespaces), Gen.OneOf("Allow", "Deny"), Gen.Int[0, 4], Gen.OneOf(Cidrs).ArrayUnique[1, 2],
        (name, ns, policy, form, cidrs) => new EgressNetwork
        {
            Metadata = { Name = name, NamespaceProperty = ns },
            Spec =
            {
                TrafficPolicy = policy,
                // Without networks (everything outside the cluster), an empty list (nothing), or CIDRs.
                Networks = form switch
                {
                    0 or 1 => null,
                    2 => [],
                    _ => [.. cidrs.Select(c => new Network { Cidr = c })],
                },
            },
        });

    private static GatewayResources.BackendRef ToParent(string network) => new() { Group = EgressNetwork.KubeGroup, Kind = EgressNetwork.KubeKind, Name = network };

    private static readonly GatewayResources.BackendRef Elsewhere = new() { Kind = "Service", Name = "internal-egress", Port = 80 };

    /// <summary>
    /// A route on one of <paramref name="networks"/> in one of <paramref name="namespaces"/>, on one of
    /// <paramref name="ports"/>: kind (HTTPRoute of either group, GRPCRoute, TLSRoute, TCPRoute), name, hosts (none for a
    /// TCPRoute), parent port and rule shape vary.
    /// </summary>
    private static Gen<object> RouteOn(Gen<string> networks, Gen<string> namespaces, Gen<int> ports) => Gen.Select(
        Gen.Int[0, 4], Gen.OneOf("api", "api-80", "api-443", "web-8080", "tls-egress", "payments"), namespaces, Gen.OneOf(Hosts).ArrayUnique[0, 2],
        networks, ports, Gen.Int[0, 5],
        (kind, name, ns, hosts, network, port, rules) =>
        {
            var metadata = new k8s.Models.V1ObjectMeta { Name = name, NamespaceProperty = ns };
            List<string>? hostnames = hosts.Length == 0 ? null : [.. hosts];
            List<GatewayResources.ParentReference> parents = [new() { Group = EgressNetwork.KubeGroup, Kind = EgressNetwork.KubeKind, Namespace = ns, Name = network, Port = port }];
            // 0: no rules; 1: back to the EgressNetwork; 2: a rule without backends; 3: to a Service instead; 4: back to the
            // EgressNetwork, and for a TCPRoute a second rule to a Service (Linkerd takes a TCPRoute of exactly one rule); 5: a
            // split between the EgressNetwork and a Service.
            List<GatewayResources.BackendRef>? backends = rules switch
            {
                1 or 4 => [ToParent(network)],
                3 => [Elsewhere],
                5 => [new() { Group = EgressNetwork.KubeGroup, Kind = EgressNetwork.KubeKind, Name = network, Weight = 70 }, new() { Kind = "Service", Name = "internal-egress", Port = 80, Weight = 30 }],
                _ => null,
            };
            object route = kind switch
            {
                4 => new GatewayResources.TcpRoute
                {
                    ApiVersion = RouteMapping.TcpApiVersion,
                    Metadata = metadata,
                    Spec = { ParentRefs = parents, Rules = rules switch { 0 => null, 4 => [new() { BackendRefs = backends }, new() { BackendRefs = [Elsewhere] }], _ => [new() { BackendRefs = backends }] } },
                },
                0 => new PolicyHttpRoute { Metadata = metadata, Spec = { Hostnames = hostnames, ParentRefs = parents, Rules = rules == 0 ? null : [new() { BackendRefs = backends }] } },
                1 => new GatewayResources.HttpRoute { Metadata = metadata, Spec = { Hostnames = hostnames, ParentRefs = parents, Rules = rules == 0 ? null : [new() { BackendRefs = backends }] } },
                2 => new GatewayResources.GrpcRoute { Metadata = metadata, Spec = { Hostnames = hostnames, ParentRefs = parents, Rules = rules == 0 ? null : [new() { BackendRefs = backends }] } },
                _ => new GatewayResources.TlsRoute { Metadata = metadata, Spec = { Hostnames = hostnames, ParentRefs = parents, Rules = rules == 0 ? null : [new() { BackendRefs = backends }] } },
            };
            return route;
        });

    /// <summary>A route on any EgressNetwork of <see cref="Network"/>'s, or on one that is missing.</summary>
    private static readonly Gen<object> Route = RouteOn(Gen.OneOf(ParentNames), Gen.OneOf(Namespaces), Gen.OneOf(80, 443, 8080));

    private static List<object> Distinct(IEnumerable<EgressNetwork> networks, IEnumerable<object> routes) =>
    [
        .. networks.DistinctBy(n => (n.Metadata.NamespaceProperty, n.Metadata.Name)),
        .. routes.Cast<k8s.IKubernetesObject<k8s.Models.V1ObjectMeta>>().DistinctBy(r => (r.ApiVersion, r.Kind, r.Metadata.NamespaceProperty, r.Metadata.Name)),
    ];

    /// <summary>0–3 EgressNetworks and 0–5 routes on them (or on missing ones).</summary>
    private static readonly Gen<List<object>> Mixed = Gen.Select(Network.Array[0, 3], Route.Array[0, 5], Distinct);

    /// <summary>
    /// One EgressNetwork with networks and 1–4 routes of any kind on it: the shape written for an external service with
    /// addresses, where TCPRoutes are read (on a network without networks they are reported).
    /// </summary>
    private static readonly Gen<List<object>> OnAnAddressNetwork = Gen.Select(Gen.OneOf(NetworkNames), Gen.OneOf(Namespaces), Gen.OneOf("Allow", "Deny"), Gen.OneOf(Cidrs).ArrayUnique[1, 2])
        .SelectMany((name, ns, policy, cidrs) => RouteOn(Gen.Const(name), Gen.Const(ns), Gen.OneOf(80, 443, 5432)).Array[1, 4].Select(routes => Distinct(
            [new EgressNetwork { Metadata = { Name = name, NamespaceProperty = ns }, Spec = { TrafficPolicy = policy, Networks = [.. cidrs.Select(c => new Network { Cidr = c })] } }],
            routes)));

    /// <summary>EgressNetworks and routes, distinct by kind, namespace and name: mixed (4 in 5) or on one network with addresses.</summary>
    public static Gen<List<object>> LinkerdInputs { get; } = Gen.Frequency((4, Mixed), (1, OnAnAddressNetwork));
}

using CsCheck;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Validation;
using static Mesh.Diagnostics.DiagnosticCodes;

namespace Mesh.Abstractions.Tests.Validation;

public sealed class MeshValidatorTests
{
    private static TimeSpan Ms(int ms) => TimeSpan.FromMilliseconds(ms);

    private static LoadBalancer Locality(LocalityLoadBalancing locality) => LoadBalancer.MeshDefault with { Locality = locality };

    private static WeightedBackend To(ServiceRef s, int weight = 1) => new() { Service = s, Weight = weight };

    private static readonly GatewayListener HttpListener = new() { Name = "http", Port = 80, Protocol = ListenerProtocol.Http, Hosts = ["shop.example.com"] };

    /// <summary>The model with gateway <c>edge/public</c> (its listeners <paramref name="listeners"/>, else one HTTP listener) and a route on it.</summary>
    private static MeshConfig Edge(MeshConfig m, GatewayRoute? route = null, params GatewayListener[] listeners) => m with
    {
        Gateways = [new Gateway { Name = "public", Namespace = "edge", Workloads = new Dictionary<string, string> { ["istio"] = "ingressgateway" }, Listeners = listeners.Length == 0 ? [HttpListener] : [.. listeners] }],
        GatewayRoutes = [route ?? EdgeRoute()],
    };

    private static GatewayRoute EdgeRoute(string gateway = "public", string? listener = null, params string[] hostnames) => new()
    {
        Name = "shop",
        Namespace = "edge",
        Gateways = [new GatewayRef { Name = gateway, Namespace = "edge", Listener = listener }],
        Hostnames = hostnames.Length == 0 ? ["shop.example.com"] : [.. hostnames],
        Rules = [new HttpRouteRule { Backends = [To(ValidModel.Reviews, 100)] }],
    };

    private static readonly GatewayListener TlsListener = new() { Name = "tls", Port = 443, Protocol = ListenerProtocol.Tls, Hosts = ["db.example.com"], Tls = new GatewayTls { Mode = GatewayTlsMode.Passthrough } };

    private static readonly GatewayListener TcpListener = new() { Name = "tcp", Port = 5432, Protocol = ListenerProtocol.Tcp };

    /// <summary>The model with gateway <c>edge/public</c> (an HTTP, a TLS passthrough and a TCP listener, with the HTTP route) and the given TLS and TCP routes.</summary>
    private static MeshConfig Stream(MeshConfig m, GatewayTlsRoute[]? tls = null, GatewayTcpRoute[]? tcp = null) => Edge(m, null, HttpListener, TlsListener, TcpListener) with
    {
        GatewayTlsRoutes = [.. tls ?? [TlsRoute()]],
        GatewayTcpRoutes = [.. tcp ?? [TcpRoute()]],
    };

    private static GatewayTlsRoute TlsRoute(string gateway = "public", string? listener = null, params string[] hostnames) => new()
    {
        Name = "db",
        Namespace = "edge",
        Gateways = [new GatewayRef { Name = gateway, Namespace = "edge", Listener = listener }],
        Hostnames = hostnames.Length == 0 ? ["db.example.com"] : [.. hostnames],
        Backends = [To(ValidModel.Reviews, 100)],
    };

    private static GatewayTcpRoute TcpRoute(string gateway = "public", string? listener = null) => new()
    {
        Name = "db",
        Namespace = "edge",
        Gateways = [new GatewayRef { Name = gateway, Namespace = "edge", Listener = listener }],
        Backends = [To(ValidModel.Reviews, 100)],
    };

    public static TheoryData<string, Func<MeshConfig, MeshConfig>, DiagnosticCode, string> Cases => new()
    {
        // MESH2033 gateway TLS and TCP routes.
        { "tls route bound to a gateway that does not exist", m => Stream(m, [TlsRoute("private")]), InvalidGatewayRoute, "$.spec.gatewayTlsRoutes[0].gateways[0]" },
        { "tls route bound to a listener that does not exist", m => Stream(m, [TlsRoute(listener: "tls-2")]), InvalidGatewayRoute, "$.spec.gatewayTlsRoutes[0].gateways[0].listener" },
        { "tls route bound to a tcp listener", m => Stream(m, [TlsRoute(listener: "tcp")]), InvalidGatewayRoute, "$.spec.gatewayTlsRoutes[0].gateways[0].listener" },
        { "tls route bound to a gateway without tls listeners", m => Stream(m, [TlsRoute()]) with { Gateways = [Edge(m).Gateways[0]] }, InvalidGatewayRoute, "$.spec.gatewayTlsRoutes[0].gateways[0]" },
        { "tls route bound to no gateway", m => Stream(m, [TlsRoute() with { Gateways = [] }]), InvalidGatewayRoute, "$.spec.gatewayTlsRoutes[0].gateways" },
        { "tls route without server names", m => Stream(m, [TlsRoute() with { Hostnames = [] }]), InvalidGatewayRoute, "$.spec.gatewayTlsRoutes[0].hostnames" },
        { "tls route server name '*'", m => Stream(m, [TlsRoute(hostnames: "*")]), InvalidHost, "$.spec.gatewayTlsRoutes[0].hostnames[0]" },
        { "tls route whose names no listener serves", m => Stream(m, [TlsRoute(hostnames: "api.example.org")]), InvalidGatewayRoute, "$.spec.gatewayTlsRoutes[0].hostnames" },
        { "two tls routes for one server name", m => Stream(m, [TlsRoute(), TlsRoute() with { Name = "db-2" }]), InvalidGatewayRoute, "$.spec.gatewayTlsRoutes[1].gateways[0]" },
        { "tls route without backends", m => Stream(m, [TlsRoute() with { Backends = [] }]), NoEffectiveBackends, "$.spec.gatewayTlsRoutes[0].backends" },
        { "tls route with zero weights", m => Stream(m, [TlsRoute() with { Backends = [To(ValidModel.Reviews, 0)] }]), NoEffectiveBackends, "$.spec.gatewayTlsRoutes[0].backends" },
        { "tls route with a negative weight", m => Stream(m, [TlsRoute() with { Backends = [To(ValidModel.Reviews, 1), To(ValidModel.Ratings, -1)] }]), NegativeWeight, "$.spec.gatewayTlsRoutes[0].backends[1].weight" },
        { "tls route backend that does not exist", m => Stream(m, [TlsRoute() with { Backends = [To(new ServiceRef("cart", "shop"))] }]), DanglingService, "$.spec.gatewayTlsRoutes[0].backends[0].service" },
        { "tls route backend subset that does not exist", m => Stream(m, [TlsRoute() with { Backends = [new WeightedBackend { Service = ValidModel.Reviews, Subset = "v9" }] }]), DanglingSubset, "$.spec.gatewayTlsRoutes[0].backends[0].subset" },
        { "two tls routes of one name", m => Stream(m, [TlsRoute(), TlsRoute(hostnames: "*.example.com")]), DuplicateName, "$.spec.gatewayTlsRoutes[1].name" },
        { "tcp route bound to a gateway that does not exist", m => Stream(m, tcp: [TcpRoute("private")]), InvalidGatewayRoute, "$.spec.gatewayTcpRoutes[0].gateways[0]" },
        { "tcp route bound to a listener that does not exist", m => Stream(m, tcp: [TcpRoute(listener: "tcp-2")]), InvalidGatewayRoute, "$.spec.gatewayTcpRoutes[0].gateways[0].listener" },
        { "tcp route bound to a tls listener", m => Stream(m, tcp: [TcpRoute(listener: "tls")]), InvalidGatewayRoute, "$.spec.gatewayTcpRoutes[0].gateways[0].listener" },
        { "tcp route bound to an http listener", m => Stream(m, tcp: [TcpRoute(listener: "http")]), InvalidGatewayRoute, "$.spec.gatewayTcpRoutes[0].gateways[0].listener" },
        { "tcp route bound to no gateway", m => Stream(m, tcp: [TcpRoute() with { Gateways = [] }]), InvalidGatewayRoute, "$.spec.gatewayTcpRoutes[0].gateways" },
        { "two tcp routes on one listener", m => Stream(m, tcp: [TcpRoute(), TcpRoute(listener: "tcp") with { Name = "db-2" }]), InvalidGatewayRoute, "$.spec.gatewayTcpRoutes[1].gateways[0]" },
        { "tcp route without backends", m => Stream(m, tcp: [TcpRoute() with { Backends = [] }]), NoEffectiveBackends, "$.spec.gatewayTcpRoutes[0].backends" },
        { "tcp route backend port that does not exist", m => Stream(m, tcp: [TcpRoute() with { Backends = [new WeightedBackend { Service = ValidModel.Reviews, Port = 1 }] }]), DanglingPort, "$.spec.gatewayTcpRoutes[0].backends[0].port" },
        { "tcp route name that is no dns label", m => Stream(m, tcp: [TcpRoute() with { Name = "DB" }]), InvalidName, "$.spec.gatewayTcpRoutes[0].name" },
        // MESH2001 dangling service.
        { "route host", m => m with { Routes = m.Routes.Replace(0, r => r with { Host = new("ghost", "bookinfo") }) }, DanglingService, "$.spec.routes[0].host" },
        { "backend service", m => m.Backend(0, b => b with { Service = new("ghost", "bookinfo"), Subset = null }), DanglingService, "$.spec.routes[0].rules[0].backends[0].service" },
        { "mirror service", m => m.Rule(0, r => r with { Mirror = r.Mirror! with { Service = new("reviews", "other"), Subset = null } }), DanglingService, "$.spec.routes[0].rules[0].mirror.service" },
        { "tcp route host", m => m.Tcp(t => t with { Host = new("ghost", "bookinfo"), Port = null }), DanglingService, "$.spec.tcpRoutes[0].host" },
        { "tcp route backend", m => m.Tcp(t => t with { Backends = [To(new("ghost", "bookinfo"))] }), DanglingService, "$.spec.tcpRoutes[0].backends[0].service" },
        { "destination policy target", m => m.Policy(p => p with { Target = new PolicyTarget { Service = new("ghost", "bookinfo") } }), DanglingService, "$.spec.destinationPolicies[0].target.service" },
        { "access policy target", m => m with { AccessPolicies = m.AccessPolicies.Replace(0, p => p with { Target = new PolicyTarget { Service = new("ghost", "bookinfo") } }) }, DanglingService, "$.spec.accessPolicies[0].target.service" },
        // MESH2002 dangling subset.
        { "backend subset", m => m.Backend(0, b => b with { Subset = "v9" }), DanglingSubset, "$.spec.routes[0].rules[0].backends[0].subset" },
        { "mirror subset", m => m.Rule(0, r => r with { Mirror = r.Mirror! with { Subset = "v9" } }), DanglingSubset, "$.spec.routes[0].rules[0].mirror.subset" },
        { "policy target subset", m => m.Policy(p => p with { Target = p.Target with { Subset = "v9" } }), DanglingSubset, "$.spec.destinationPolicies[0].target.subset" },
        // MESH2003 dangling port.
        { "backend port", m => m.Backend(0, b => b with { Port = 8080 }), DanglingPort, "$.spec.routes[0].rules[0].backends[0].port" },
        { "mirror port", m => m.Rule(0, r => r with { Mirror = r.Mirror! with { Port = 8080 } }), DanglingPort, "$.spec.routes[0].rules[0].mirror.port" },
        { "unnamed port of a multi-port backend", m => m.Service(1, s => s with { Ports = [new ServicePort { Name = "a", Port = 9090, Protocol = Protocol.Http }, new ServicePort { Name = "b", Port = 9091, Protocol = Protocol.Http }] })
            .Backend(0, b => b with { Service = new ServiceRef("ratings", "bookinfo"), Subset = null }), DanglingPort, "$.spec.routes[0].rules[0].backends[0].port" },
        { "tcp route port", m => m.Tcp(t => t with { Port = 5433 }), DanglingPort, "$.spec.tcpRoutes[0].port" },
        { "match port not on the host", m => m.Match(0, x => x with { Port = 8080 }), DanglingPort, "$.spec.routes[0].rules[0].matches[0].port" },
        { "tcp backend port", m => m.Tcp(t => t with { Backends = [new WeightedBackend { Service = ValidModel.Db, Port = 1 }] }), DanglingPort, "$.spec.tcpRoutes[0].backends[0].port" },
        // MESH2004 duplicates.
        { "service", m => m with { Services = m.Services.Add(m.Services[1]) }, DuplicateName, "$.spec.services[3].name" },
        { "route", m => m with { Routes = m.Routes.Add(m.Routes[0] with { Host = ValidModel.Ratings }) }, DuplicateName, "$.spec.routes[1].name" },
        { "tcp route", m => m with { TcpRoutes = m.TcpRoutes.Add(m.TcpRoutes[0] with { Host = ValidModel.Ratings, Port = 9080, Backends = [To(ValidModel.Ratings)] }) }, DuplicateName, "$.spec.tcpRoutes[1].name" },
        { "access policy", m => m with { AccessPolicies = m.AccessPolicies.Add(m.AccessPolicies[0]) }, DuplicateName, "$.spec.accessPolicies[1].name" },
        { "external service", m => m with { ExternalServices = m.ExternalServices.Add(m.ExternalServices[0]) }, DuplicateName, "$.spec.externalServices[1].name" },
        { "subset name", m => m.Service(0, s => s with { Subsets = s.Subsets.Add(new Subset { Name = "v1" }) }), DuplicateName, "$.spec.services[0].subsets.v1" },
        { "port number", m => m.Service(0, s => s with { Ports = s.Ports.Add(new ServicePort { Name = "grpc", Port = 9080, Protocol = Protocol.Grpc }) }), DuplicateName, "$.spec.services[0].ports[1].port" },
        { "external port number", m => m.External(e => e with { Ports = e.Ports.Add(e.Ports[0]) }), DuplicateName, "$.spec.externalServices[0].ports[1].port" },
        { "destination policy target twice", m => m with { DestinationPolicies = m.DestinationPolicies.Add(new DestinationPolicy { Target = m.DestinationPolicies[0].Target }) }, DuplicateName, "$.spec.destinationPolicies[1].target" },
        { "mtls scope twice", m => m with { Mtls = m.Mtls.Add(new MtlsPolicy { Scope = MtlsScope.ForNamespace("bookinfo"), Mode = MtlsMode.Permissive }) }, DuplicateName, "$.spec.mtls[1].scope" },
        // MESH2005 negative weight.
        { "negative weight", m => m.Rule(0, r => r with { Backends = r.Backends.Add(To(ValidModel.Reviews, -1)) }), NegativeWeight, "$.spec.routes[0].rules[0].backends[1].weight" },
        { "negative tcp weight", m => m.Tcp(t => t with { Backends = [t.Backends[0] with { Weight = -5 }] }), NegativeWeight, "$.spec.tcpRoutes[0].backends[0].weight" },
        // MESH2006 no effective backends.
        { "all weights zero", m => m.Backend(0, b => b with { Weight = 0 }), NoEffectiveBackends, "$.spec.routes[0].rules[0].backends" },
        { "no backends without redirect", m => m.Rule(1, r => r with { Backends = [] }), NoEffectiveBackends, "$.spec.routes[0].rules[1].backends" },
        { "tcp route without backends", m => m.Tcp(t => t with { Backends = [] }), NoEffectiveBackends, "$.spec.tcpRoutes[0].backends" },
        // MESH2007 percentages.
        { "delay percentage", m => m.Rule(0, r => r with { Fault = r.Fault! with { Delay = r.Fault.Delay! with { Percentage = 100.5m } } }), PercentageOutOfRange, "$.spec.routes[0].rules[0].fault.delay.percentage" },
        { "abort percentage", m => m.Rule(0, r => r with { Fault = r.Fault! with { Abort = r.Fault.Abort! with { Percentage = -1 } } }), PercentageOutOfRange, "$.spec.routes[0].rules[0].fault.abort.percentage" },
        { "mirror percentage", m => m.Rule(0, r => r with { Mirror = r.Mirror! with { Percentage = 150 } }), PercentageOutOfRange, "$.spec.routes[0].rules[0].mirror.percentage" },
        { "max ejection percent", m => m.Policy(p => p with { OutlierDetection = p.OutlierDetection! with { MaxEjectionPercent = 101 } }), PercentageOutOfRange, "$.spec.destinationPolicies[0].outlierDetection.maxEjectionPercent" },
        // MESH2008 durations.
        { "timeout", m => m.Rule(0, r => r with { Timeout = TimeSpan.Zero }), NonPositiveDuration, "$.spec.routes[0].rules[0].timeout" },
        { "per-try timeout", m => m.Rule(0, r => r with { Retry = r.Retry! with { PerTryTimeout = Ms(-1) } }), NonPositiveDuration, "$.spec.routes[0].rules[0].retry.perTryTimeout" },
        { "backoff base", m => m.Rule(0, r => r with { Retry = r.Retry! with { Backoff = r.Retry.Backoff! with { BaseInterval = TimeSpan.Zero } } }), NonPositiveDuration, "$.spec.routes[0].rules[0].retry.backoff.baseInterval" },
        { "backoff max", m => m.Rule(0, r => r with { Retry = r.Retry! with { Backoff = r.Retry.Backoff! with { MaxInterval = TimeSpan.Zero } } }), NonPositiveDuration, "$.spec.routes[0].rules[0].retry.backoff.maxInterval" },
        { "delay duration", m => m.Rule(0, r => r with { Fault = r.Fault! with { Delay = r.Fault.Delay! with { Duration = TimeSpan.Zero } } }), NonPositiveDuration, "$.spec.routes[0].rules[0].fault.delay.duration" },
        { "connect timeout", m => m.Policy(p => p with { ConnectionPool = p.ConnectionPool! with { ConnectTimeout = TimeSpan.Zero } }), NonPositiveDuration, "$.spec.destinationPolicies[0].connectionPool.connectTimeout" },
        { "outlier interval", m => m.Policy(p => p with { OutlierDetection = p.OutlierDetection! with { Interval = Ms(-10) } }), NonPositiveDuration, "$.spec.destinationPolicies[0].outlierDetection.interval" },
        { "base ejection time", m => m.Policy(p => p with { OutlierDetection = p.OutlierDetection! with { BaseEjectionTime = TimeSpan.Zero } }), NonPositiveDuration, "$.spec.destinationPolicies[0].outlierDetection.baseEjectionTime" },
        { "cors max age", m => m.Rule(0, r => r with { Cors = r.Cors! with { MaxAge = TimeSpan.Zero } }), NonPositiveDuration, "$.spec.routes[0].rules[0].cors.maxAge" },
        // MESH2009 retries.
        { "attempts above 10", m => m.Rule(0, r => r with { Retry = r.Retry! with { Attempts = 11 } }), RetryOutOfRange, "$.spec.routes[0].rules[0].retry.attempts" },
        { "negative attempts", m => m.Rule(0, r => r with { Retry = r.Retry! with { Attempts = -1 } }), RetryOutOfRange, "$.spec.routes[0].rules[0].retry.attempts" },
        { "per-try longer than timeout", m => m.Rule(0, r => r with { Timeout = Ms(400) }), RetryOutOfRange, "$.spec.routes[0].rules[0].retry.perTryTimeout" },
        // MESH2010 DNS-1123 labels.
        { "metadata name", m => m with { Name = "Bookinfo" }, InvalidName, "$.metadata.name" },
        { "service name", m => m.Service(1, s => s with { Name = "Ratings" }), InvalidName, "$.spec.services[1].name" },
        { "service namespace", m => m.Service(1, s => s with { Namespace = "book_info" }), InvalidName, "$.spec.services[1].namespace" },
        { "route name too long", m => m with { Routes = m.Routes.Replace(0, r => r with { Name = new string('a', 64) }) }, InvalidName, "$.spec.routes[0].name" },
        { "route name leading dash", m => m with { Routes = m.Routes.Replace(0, r => r with { Name = "-reviews" }) }, InvalidName, "$.spec.routes[0].name" },
        { "match source label key", m => m.Match(0, x => x with { SourceLabels = new(new Dictionary<string, string> { ["-app"] = "a" }) }), InvalidName, "$.spec.routes[0].rules[0].matches[0].sourceLabels" },
        { "match source label value", m => m.Match(0, x => x with { SourceLabels = new(new Dictionary<string, string> { ["app"] = "a b" }) }), InvalidName, "$.spec.routes[0].rules[0].matches[0].sourceLabels" },
        { "match source namespace", m => m.Match(0, x => x with { SourceNamespace = "Shop" }), InvalidName, "$.spec.routes[0].rules[0].matches[0].sourceNamespace" },
        { "subset name", m => m.Service(0, s => s with { Subsets = s.Subsets.Add(new Subset { Name = "V3" }) }), InvalidName, "$.spec.services[0].subsets.V3" },
        { "access source namespace", m => m.Access(a => a with { From = a.From! with { Namespaces = ["Default"] } }), InvalidName, "$.spec.accessPolicies[0].rules[0].from.namespaces[0]" },
        { "mtls namespace", m => m.Mtls(p => p with { Scope = MtlsScope.ForNamespace("book.info") }), InvalidName, "$.spec.mtls[0].scope.namespace" },
        // MESH2011 ports.
        { "service port", m => m.Service(1, s => s with { Ports = [new ServicePort { Port = 0, Protocol = Protocol.Http }] }), PortOutOfRange, "$.spec.services[1].ports[0].port" },
        { "backend port", m => m.Backend(0, b => b with { Port = 65536 }), PortOutOfRange, "$.spec.routes[0].rules[0].backends[0].port" },
        { "match port", m => m.Match(0, x => x with { Port = 0 }), PortOutOfRange, "$.spec.routes[0].rules[0].matches[0].port" },
        { "mirror port", m => m.Rule(0, r => r with { Mirror = r.Mirror! with { Port = -1 } }), PortOutOfRange, "$.spec.routes[0].rules[0].mirror.port" },
        { "access rule port", m => m.Access(a => a with { To = a.To! with { Ports = [70000] } }), PortOutOfRange, "$.spec.accessPolicies[0].rules[0].to.ports[0]" },
        { "redirect port", m => m.Rule(1, r => r with { Backends = [], Rewrite = null, Redirect = new Redirect { Port = 0 } }), PortOutOfRange, "$.spec.routes[0].rules[1].redirect.port" },
        { "mtls port", m => m.Mtls(p => p with { Scope = p.Scope with { Workload = new Dictionary<string, string> { ["app"] = "reviews" }, Port = 99999 } }), PortOutOfRange, "$.spec.mtls[0].scope.port" },
        // MESH2012 conflicting routes.
        { "two routes for one host", m => m with { Routes = m.Routes.Add(m.Routes[0] with { Name = "reviews-2" }) }, ConflictingRoutes, "$.spec.routes[1].host" },
        { "two tcp routes for one host", m => m with { TcpRoutes = m.TcpRoutes.Add(m.TcpRoutes[0] with { Name = "db-2", Port = null }) }, ConflictingRoutes, "$.spec.tcpRoutes[1].host" },
        { "rule after catch-all", m => m.Rule(0, r => r with { Matches = [] }), ConflictingRoutes, "$.spec.routes[0].rules[1]" },
        { "rule with the same matches", m => m.Rule(1, r => r with { Matches = m.Routes[0].Rules[0].Matches }), ConflictingRoutes, "$.spec.routes[0].rules[1].matches" },
        // MESH2013 / MESH2014 regexes everywhere they appear.
        { "path look-ahead", m => m.Match(1, x => x with { Path = PathMatch.Regex("^/(?=reviews)") }), RegexUnsupported, "$.spec.routes[0].rules[1].matches[0].path.regex" },
        { "header back-reference", m => m.Match(0, x => x with { Headers = [ValueMatch.Regex("end-user", @"(a)\1")] }), RegexUnsupported, "$.spec.routes[0].rules[0].matches[0].headers[0].regex" },
        { "query possessive", m => m.Match(1, x => x with { QueryParams = [ValueMatch.Regex("v", "a*+")] }), RegexUnsupported, "$.spec.routes[0].rules[1].matches[0].queryParams[0].regex" },
        { "path unbalanced", m => m.Match(1, x => x with { Path = PathMatch.Regex("^/(reviews") }), RegexInvalid, "$.spec.routes[0].rules[1].matches[0].path.regex" },
        { "header bad repetition", m => m.Match(0, x => x with { Headers = [ValueMatch.Regex("end-user", "a{2,1}")] }), RegexInvalid, "$.spec.routes[0].rules[0].matches[0].headers[0].regex" },
        // MESH2015 conflicting fields.
        { "redirect with backends", m => m.Rule(1, r => r with { Rewrite = null, Redirect = new Redirect { Path = "/x" } }), ConflictingFields, "$.spec.routes[0].rules[1].backends" },
        { "rewrite prefix and full path", m => m.Rule(1, r => r with { Rewrite = new Rewrite { PathPrefix = "/a", FullPath = "/b" } }), ConflictingFields, "$.spec.routes[0].rules[1].rewrite.fullPath" },
        { "redirect path and prefix", m => m.Rule(1, r => r with { Backends = [], Rewrite = null, Redirect = new Redirect { Path = "/a", PathPrefix = "/b" } }), ConflictingFields, "$.spec.routes[0].rules[1].redirect.pathPrefix" },
        { "consistent hash without key", m => m.Policy(p => p with { LoadBalancer = new LoadBalancer(LoadBalancerAlgorithm.ConsistentHash) }), ConflictingFields, "$.spec.destinationPolicies[0].loadBalancer.consistentHash" },
        { "round robin with key", m => m.Policy(p => p with { LoadBalancer = new LoadBalancer(LoadBalancerAlgorithm.RoundRobin, ConsistentHash.Cookie("c")) }), ConflictingFields, "$.spec.destinationPolicies[0].loadBalancer.consistentHash" },
        // MESH2016 status codes.
        { "abort status", m => m.Rule(0, r => r with { Fault = r.Fault! with { Abort = r.Fault.Abort! with { HttpStatus = 600 } } }), InvalidStatusCode, "$.spec.routes[0].rules[0].fault.abort.httpStatus" },
        { "abort status below 200", m => m.Rule(0, r => r with { Fault = r.Fault! with { Abort = r.Fault.Abort! with { HttpStatus = 199 } } }), InvalidStatusCode, "$.spec.routes[0].rules[0].fault.abort.httpStatus" },
        { "redirect status", m => m.Rule(1, r => r with { Backends = [], Rewrite = null, Redirect = new Redirect { StatusCode = 304 } }), InvalidStatusCode, "$.spec.routes[0].rules[1].redirect.statusCode" },
        { "retry status code", m => m.Rule(0, r => r with { Retry = r.Retry! with { On = [RetryCondition.RetriableStatusCodes], StatusCodes = [503, 700] } }), InvalidStatusCode, "$.spec.routes[0].rules[0].retry.statusCodes[1]" },
        // MESH2017 methods.
        { "match method", m => m.Match(0, x => x with { Method = "get" }), InvalidHttpMethod, "$.spec.routes[0].rules[0].matches[0].method" },
        { "access method", m => m.Access(a => a with { To = a.To! with { Methods = ["GET POST"] } }), InvalidHttpMethod, "$.spec.accessPolicies[0].rules[0].to.methods[0]" },
        { "cors method", m => m.Rule(0, r => r with { Cors = r.Cors! with { AllowMethods = [""] } }), InvalidHttpMethod, "$.spec.routes[0].rules[0].cors.allowMethods[0]" },
        // MESH2018 value matches.
        { "exact without value", m => m.Match(0, x => x with { Headers = [new ValueMatch("end-user", ValueMatchKind.Exact)] }), InvalidMatch, "$.spec.routes[0].rules[0].matches[0].headers[0].exact" },
        { "regex without value", m => m.Match(1, x => x with { QueryParams = [new ValueMatch("v", ValueMatchKind.Regex)] }), InvalidMatch, "$.spec.routes[0].rules[1].matches[0].queryParams[0].regex" },
        { "present with value", m => m.Match(1, x => x with { Headers = [new ValueMatch("x-debug", ValueMatchKind.Present, "1")] }), InvalidMatch, "$.spec.routes[0].rules[1].matches[0].headers[0].present" },
        { "absent with value", m => m.Match(1, x => x with { Headers = [new ValueMatch("x-debug", ValueMatchKind.Absent, "1")] }), InvalidMatch, "$.spec.routes[0].rules[1].matches[0].headers[0].absent" },
        { "empty header name", m => m.Match(0, x => x with { Headers = [ValueMatch.Exact("", "jason")] }), InvalidMatch, "$.spec.routes[0].rules[0].matches[0].headers[0].name" },
        { "empty query name", m => m.Match(1, x => x with { QueryParams = [ValueMatch.Exact("", "2")] }), InvalidMatch, "$.spec.routes[0].rules[1].matches[0].queryParams[0].name" },
        // MESH2019 paths.
        { "prefix without slash", m => m.Match(0, x => x with { Path = PathMatch.Prefix("api") }), InvalidPath, "$.spec.routes[0].rules[0].matches[0].path.prefix" },
        { "exact without slash", m => m.Match(0, x => x with { Path = PathMatch.Exact("api") }), InvalidPath, "$.spec.routes[0].rules[0].matches[0].path.exact" },
        { "rewrite prefix without slash", m => m.Rule(1, r => r with { Rewrite = new Rewrite { PathPrefix = "r" } }), InvalidPath, "$.spec.routes[0].rules[1].rewrite.pathPrefix" },
        { "access path", m => m.Access(a => a with { To = a.To! with { Paths = ["ratings"] } }), InvalidPath, "$.spec.accessPolicies[0].rules[0].to.paths[0]" },
        // MESH2020 addresses.
        { "ip block", m => m.Access(a => a with { From = a.From! with { IpBlocks = ["10.0.0.0/33"] } }), InvalidAddress, "$.spec.accessPolicies[0].rules[0].from.ipBlocks[0]" },
        { "ip block not an address", m => m.Access(a => a with { From = a.From! with { IpBlocks = ["10.0.0"] } }), InvalidAddress, "$.spec.accessPolicies[0].rules[0].from.ipBlocks[0]" },
        { "external address", m => m.External(e => e with { Addresses = ["2001:db8::/129"] }), InvalidAddress, "$.spec.externalServices[0].addresses[0]" },
        // MESH2021 hosts.
        { "external without hosts", m => m.External(e => e with { Hosts = [] }), InvalidHost, "$.spec.externalServices[0].hosts" },
        { "wildcard not first", m => m.External(e => e with { Hosts = ["api.*.example.com"] }), InvalidHost, "$.spec.externalServices[0].hosts[0]" },
        { "bad host label", m => m.External(e => e with { Hosts = ["-bad.example.com"] }), InvalidHost, "$.spec.externalServices[0].hosts[0]" },
        // MESH2022 service accounts.
        { "service account", m => m.Access(a => a with { From = a.From! with { ServiceAccounts = [new ServiceAccountRef("bookinfo", "Reviews_SA")] } }), InvalidServiceAccount, "$.spec.accessPolicies[0].rules[0].from.serviceAccounts[0]" },
        { "service account without namespace", m => m.Access(a => a with { From = a.From! with { ServiceAccounts = [new ServiceAccountRef(null!, "reviews")] } }), InvalidServiceAccount, "$.spec.accessPolicies[0].rules[0].from.serviceAccounts[0]" },
        // MESH2023 limits.
        { "max connections", m => m.Policy(p => p with { ConnectionPool = p.ConnectionPool! with { MaxConnections = 0 } }), NonPositiveLimit, "$.spec.destinationPolicies[0].connectionPool.maxConnections" },
        { "max retries", m => m.Policy(p => p with { ConnectionPool = p.ConnectionPool! with { MaxRetries = -3 } }), NonPositiveLimit, "$.spec.destinationPolicies[0].connectionPool.maxRetries" },
        { "consecutive 5xx", m => m.Policy(p => p with { OutlierDetection = p.OutlierDetection! with { Consecutive5xx = 0 } }), NonPositiveLimit, "$.spec.destinationPolicies[0].outlierDetection.consecutive5xx" },
        // MESH2024 mTLS port scope.
        { "mtls port without workload", m => m.Mtls(p => p with { Scope = p.Scope with { Port = 9080 } }), MissingWorkloadSelector, "$.spec.mtls[0].scope.port" },
        // MESH2025 retriable status codes.
        { "retriable-status-codes without codes", m => m.Rule(0, r => r with { Retry = r.Retry! with { On = [RetryCondition.RetriableStatusCodes] } }), RetryStatusCodes, "$.spec.routes[0].rules[0].retry.statusCodes" },
        { "codes without retriable-status-codes", m => m.Rule(0, r => r with { Retry = r.Retry! with { StatusCodes = [503] } }), RetryStatusCodes, "$.spec.routes[0].rules[0].retry.statusCodes" },
        // MESH2026 hash keys.
        { "header hash without name", m => m.Policy(p => p with { LoadBalancer = LoadBalancer.HashOn(new ConsistentHash(HashKey.Header)) }), InvalidHashKey, "$.spec.destinationPolicies[0].loadBalancer.consistentHash.header" },
        { "query hash without name", m => m.Policy(p => p with { LoadBalancer = LoadBalancer.HashOn(new ConsistentHash(HashKey.QueryParameter, "")) }), InvalidHashKey, "$.spec.destinationPolicies[0].loadBalancer.consistentHash.queryParameter" },
        { "source ip hash with name", m => m.Policy(p => p with { LoadBalancer = LoadBalancer.HashOn(new ConsistentHash(HashKey.SourceIp, "x")) }), InvalidHashKey, "$.spec.destinationPolicies[0].loadBalancer.consistentHash.sourceIp" },
        { "mutual tls without credential", m => m.Policy(p => p with { Tls = new ClientTls { Mode = ClientTlsMode.Mutual } }), InvalidTls, "$.spec.destinationPolicies[0].tls.credentialName" },
        { "disabled tls with sni", m => m.Policy(p => p with { Tls = new ClientTls { Mode = ClientTlsMode.Disable, Sni = "api.example.com" } }), InvalidTls, "$.spec.destinationPolicies[0].tls.mode" },
        { "mesh tls with credential", m => m.Policy(p => p with { Tls = new ClientTls { Mode = ClientTlsMode.Mesh, CredentialName = "c" } }), InvalidTls, "$.spec.destinationPolicies[0].tls.mode" },
        { "skipped verification with ca", m => m.Policy(p => p with { Tls = new ClientTls { CaCertificates = "/ca.pem", InsecureSkipVerify = true } }), InvalidTls, "$.spec.destinationPolicies[0].tls.insecureSkipVerify" },
        { "subject alt name with space", m => m.Policy(p => p with { Tls = new ClientTls { SubjectAltNames = ["a b"] } }), InvalidTls, "$.spec.destinationPolicies[0].tls.subjectAltNames[0]" },
        { "distribution not summing to 100", m => m.Policy(p => p with { LoadBalancer = Locality(new LocalityLoadBalancing { Distribute = [new LocalityDistribution { From = "us-west", To = [new("us-west", 60), new("us-east", 30)] }] }) }), InvalidLoadBalancing, "$.spec.destinationPolicies[0].loadBalancer.locality.distribute[0].to" },
        { "distribution from a malformed locality", m => m.Policy(p => p with { LoadBalancer = Locality(new LocalityLoadBalancing { Distribute = [new LocalityDistribution { From = "us-west/*/z1", To = [new("us-west", 100)] }] }) }), InvalidLoadBalancing, "$.spec.destinationPolicies[0].loadBalancer.locality.distribute[0].from" },
        { "failover to the same region", m => m.Policy(p => p with { LoadBalancer = Locality(new LocalityLoadBalancing { Failover = [new LocalityFailover { From = "us-east", To = "us-east" }] }) }), InvalidLoadBalancing, "$.spec.destinationPolicies[0].loadBalancer.locality.failover[0].to" },
        { "distribution with failover", m => m.Policy(p => p with { LoadBalancer = Locality(new LocalityLoadBalancing { Distribute = [new LocalityDistribution { From = "us-west", To = [new("us-west", 100)] }], Failover = [new LocalityFailover { From = "us-east", To = "us-west" }] }) }), InvalidLoadBalancing, "$.spec.destinationPolicies[0].loadBalancer.locality.distribute" },
        { "failover without outlier detection", m => m.Policy(p => p with { OutlierDetection = null, LoadBalancer = Locality(new LocalityLoadBalancing { Failover = [new LocalityFailover { From = "us-east", To = "us-west" }] }) }), InvalidLoadBalancing, "$.spec.destinationPolicies[0].loadBalancer.locality.failover" },
        { "maglev table size not prime", m => m.Policy(p => p with { LoadBalancer = LoadBalancer.HashOn(ConsistentHash.Header("x-user") with { Ring = new HashRing(HashRingKind.Maglev, 65536) }) }), InvalidLoadBalancing, "$.spec.destinationPolicies[0].loadBalancer.consistentHash.maglev.tableSize" },
        { "ring size zero", m => m.Policy(p => p with { LoadBalancer = LoadBalancer.HashOn(ConsistentHash.Header("x-user") with { Ring = new HashRing(HashRingKind.RingHash, 0) }) }), InvalidLoadBalancing, "$.spec.destinationPolicies[0].loadBalancer.consistentHash.ringHash.minimumRingSize" },
        { "cookie ttl on a header key", m => m.Policy(p => p with { LoadBalancer = LoadBalancer.HashOn(ConsistentHash.Header("x-user") with { CookieTtl = TimeSpan.FromHours(1) }) }), InvalidHashKey, "$.spec.destinationPolicies[0].loadBalancer.consistentHash.header" },
        { "cookie path without slash", m => m.Policy(p => p with { LoadBalancer = LoadBalancer.HashOn(ConsistentHash.Cookie("s") with { CookiePath = "app" }) }), InvalidHashKey, "$.spec.destinationPolicies[0].loadBalancer.consistentHash.cookie.path" },
        { "warm-up aggression zero", m => m.Policy(p => p with { LoadBalancer = LoadBalancer.RoundRobin with { Warmup = new Warmup { Duration = TimeSpan.FromSeconds(30), Aggression = 0 } } }), InvalidLoadBalancing, "$.spec.destinationPolicies[0].loadBalancer.warmup.aggression" },
        { "warm-up without duration", m => m.Policy(p => p with { LoadBalancer = LoadBalancer.RoundRobin with { Warmup = new Warmup { Duration = TimeSpan.Zero } } }), NonPositiveDuration, "$.spec.destinationPolicies[0].loadBalancer.warmup.duration" },
        { "idle timeout zero", m => m.Policy(p => p with { ConnectionPool = new ConnectionPool { IdleTimeout = TimeSpan.Zero } }), NonPositiveDuration, "$.spec.destinationPolicies[0].connectionPool.idleTimeout" },
        { "no concurrent streams", m => m.Policy(p => p with { ConnectionPool = new ConnectionPool { MaxConcurrentStreams = 0 } }), NonPositiveLimit, "$.spec.destinationPolicies[0].connectionPool.maxConcurrentStreams" },
        { "rate limit of zero requests", m => m.Policy(p => p with { RateLimit = new LocalRateLimit { Requests = 0 } }), InvalidRateLimit, "$.spec.destinationPolicies[0].rateLimit.requests" },
        { "rate limit without requests or routes", m => m.Policy(p => p with { RateLimit = new LocalRateLimit { Status = 503 } }), InvalidRateLimit, "$.spec.destinationPolicies[0].rateLimit.requests" },
        { "rate limit interval without requests", m => m.Policy(p => p with { RateLimit = new LocalRateLimit { Interval = TimeSpan.FromSeconds(2), Routes = [new RouteRateLimit { Path = PathMatch.Prefix("/api"), Requests = 1 }] } }), InvalidRateLimit, "$.spec.destinationPolicies[0].rateLimit.interval" },
        { "rate limit interval under 50ms", m => m.Policy(p => p with { RateLimit = new LocalRateLimit { Requests = 10, Interval = Ms(20) } }), InvalidRateLimit, "$.spec.destinationPolicies[0].rateLimit.interval" },
        { "rate limit burst below requests", m => m.Policy(p => p with { RateLimit = new LocalRateLimit { Requests = 10, Burst = 5 } }), InvalidRateLimit, "$.spec.destinationPolicies[0].rateLimit.burst" },
        { "rate limit status not an error", m => m.Policy(p => p with { RateLimit = new LocalRateLimit { Requests = 10, Status = 200 } }), InvalidRateLimit, "$.spec.destinationPolicies[0].rateLimit.status" },
        { "rate limit status envoy lacks", m => m.Policy(p => p with { RateLimit = new LocalRateLimit { Requests = 10, Status = 418 } }), InvalidRateLimit, "$.spec.destinationPolicies[0].rateLimit.status" },
        { "route rate limit of zero requests", m => m.Policy(p => p with { RateLimit = new LocalRateLimit { Routes = [new RouteRateLimit { Path = PathMatch.Prefix("/api"), Requests = 0 }] } }), InvalidRateLimit, "$.spec.destinationPolicies[0].rateLimit.routes[0].requests" },
        { "route rate limit burst below requests", m => m.Policy(p => p with { RateLimit = new LocalRateLimit { Routes = [new RouteRateLimit { Path = PathMatch.Prefix("/api"), Requests = 4, Burst = 2 }] } }), InvalidRateLimit, "$.spec.destinationPolicies[0].rateLimit.routes[0].burst" },
        { "route rate limit path without slash", m => m.Policy(p => p with { RateLimit = new LocalRateLimit { Routes = [new RouteRateLimit { Path = PathMatch.Exact("api"), Requests = 1 }] } }), InvalidPath, "$.spec.destinationPolicies[0].rateLimit.routes[0].path.exact" },
        { "route rate limit regex RE2 rejects", m => m.Policy(p => p with { RateLimit = new LocalRateLimit { Routes = [new RouteRateLimit { Path = PathMatch.Regex("(?<=x)y"), Requests = 1 }] } }), RegexUnsupported, "$.spec.destinationPolicies[0].rateLimit.routes[0].path.regex" },
        { "route rate limit path twice", m => m.Policy(p => p with { RateLimit = new LocalRateLimit { Routes = [new RouteRateLimit { Path = PathMatch.Prefix("/api"), Requests = 1 }, new RouteRateLimit { Path = PathMatch.Prefix("/api"), Requests = 2 }] } }), InvalidRateLimit, "$.spec.destinationPolicies[0].rateLimit.routes[1].path.prefix" },
        { "rate limit on an external service", m => m with { DestinationPolicies = [new DestinationPolicy { Target = new PolicyTarget { Service = new ServiceRef("httpbin", "bookinfo") }, RateLimit = new LocalRateLimit { Requests = 10 } }] }, InvalidRateLimit, "$.spec.destinationPolicies[0].rateLimit" },
        { "rate limit on a tcp service", m => m with { DestinationPolicies = [new DestinationPolicy { Target = new PolicyTarget { Service = ValidModel.Db }, RateLimit = new LocalRateLimit { Requests = 10 } }] }, InvalidRateLimit, "$.spec.destinationPolicies[0].rateLimit" },
        { "sni not a host", m => m.Policy(p => p with { Tls = new ClientTls { Sni = "not a host" } }), InvalidHost, "$.spec.destinationPolicies[0].tls.sni" },
        { "policy for an undeclared port", m => m.Policy(p => p with { Target = p.Target with { Port = 9999 } }), DanglingPort, "$.spec.destinationPolicies[0].target.port" },
        { "policy port out of range", m => m.Policy(p => p with { Target = p.Target with { Port = 70000 } }), PortOutOfRange, "$.spec.destinationPolicies[0].target.port" },
        { "external service named like a service", m => m.External(e => e with { Name = "reviews", Namespace = "bookinfo" }), DuplicateName, "$.spec.externalServices[0].name" },
        { "access policy target port", m => m with { AccessPolicies = m.AccessPolicies.Replace(0, a => a with { Target = a.Target! with { Port = 9080 } }) }, ConflictingFields, "$.spec.accessPolicies[0].target.port" },
        { "redirect scheme", m => m.Rule(1, r => r with { Backends = [], Rewrite = null, Redirect = new Redirect { Scheme = "ftp" } }), InvalidFormat, "$.spec.routes[0].rules[1].redirect.scheme" },
        { "redirect host", m => m.Rule(1, r => r with { Backends = [], Rewrite = null, Redirect = new Redirect { Host = "bad host" } }), InvalidHost, "$.spec.routes[0].rules[1].redirect.host" },
        { "rewrite authority", m => m.Rule(1, r => r with { Rewrite = new Rewrite { Authority = "a..b" } }), InvalidHost, "$.spec.routes[0].rules[1].rewrite.authority" },
        { "mirror with redirect", m => m.Rule(0, r => r with { Backends = [], Redirect = new Redirect { Path = "/x" } }), ConflictingFields, "$.spec.routes[0].rules[0].mirror" },
        { "port name", m => m.Service(0, s => s with { Ports = [s.Ports[0] with { Name = "HTTP" }] }), InvalidName, "$.spec.services[0].ports[0].name" },
        { "empty header to remove", m => m.Rule(1, r => r with { RequestHeaders = r.RequestHeaders! with { Remove = [""] } }), InvalidMatch, "$.spec.routes[0].rules[1].requestHeaders.remove[0]" },
        { "null subset name", m => m.Service(0, s => s with { Subsets = s.Subsets.Add(new Subset { Name = null! }) }), MissingRequired, "$.spec.services[0].subsets[2]" },
        { "workload scope without namespace", m => m.Mtls(p => p with { Scope = new MtlsScope { Workload = new Dictionary<string, string> { ["app"] = "x" } } }), MissingRequired, "$.spec.mtls[0].scope.namespace" },
        // Nulls and out-of-range enums inside records become diagnostics.
        { "null service name", m => m.Service(1, s => s with { Name = null! }), MissingRequired, "$.spec.services[1].name" },
        { "null route", m => m with { Routes = m.Routes.Add(null!) }, MissingRequired, "$.spec.routes[1]" },
        { "null backend service", m => m.Backend(0, b => b with { Service = default, Subset = null }), MissingRequired, "$.spec.routes[0].rules[0].backends[0].service" },
        { "null path value", m => m.Match(0, x => x with { Path = new PathMatch(PathMatchKind.Prefix, null!) }), MissingRequired, "$.spec.routes[0].rules[0].matches[0].path.prefix" },
        { "null policy target", m => m.Policy(p => p with { Target = null! }), MissingRequired, "$.spec.destinationPolicies[0].target" },
        { "unknown protocol", m => m.Service(1, s => s with { Ports = [new ServicePort { Port = 80, Protocol = (Protocol)42 }] }), UnknownEnumValue, "$.spec.services[1].ports[0].protocol" },
        { "unknown retry condition", m => m.Rule(0, r => r with { Retry = r.Retry! with { On = [(RetryCondition)99] } }), UnknownEnumValue, "$.spec.routes[0].rules[0].retry.on[0]" },
        // MESH2030 outbound policies.
        { "outbound host without a namespace", m => m with { Outbound = [new OutboundPolicy { Hosts = ["reviews.bookinfo.svc.cluster.local"] }] }, InvalidOutbound, "$.spec.outbound[0].hosts[0]" },
        { "outbound host that is no host", m => m with { Outbound = [new OutboundPolicy { Hosts = ["./reviews_v1"] }] }, InvalidOutbound, "$.spec.outbound[0].hosts[0]" },
        { "outbound namespace that is no namespace", m => m with { Outbound = [new OutboundPolicy { Hosts = ["Book Info/*"] }] }, InvalidOutbound, "$.spec.outbound[0].hosts[0]" },
        { "two outbound policies for a namespace", m => m with { Outbound = [new OutboundPolicy { Namespace = "bookinfo" }, new OutboundPolicy { Namespace = "bookinfo", Mode = OutboundMode.RegistryOnly }] }, InvalidOutbound, "$.spec.outbound[1].namespace" },
        { "two mesh-wide outbound policies", m => m with { Outbound = [new OutboundPolicy(), new OutboundPolicy { Mode = OutboundMode.RegistryOnly }] }, InvalidOutbound, "$.spec.outbound[1].namespace" },
        { "outbound host nothing has", m => m with { Outbound = [new OutboundPolicy { Namespace = "bookinfo", Hosts = ["./*", "*/nowhere.example.com"] }] }, InvalidOutbound, "$.spec.outbound[0].hosts[1]" },
        // MESH2031 telemetry policies.
        { "sampling above 100", m => m with { Telemetry = [new TelemetryPolicy { Tracing = new TracingSettings { SamplingPercentage = 100.5m } }] }, InvalidTelemetry, "$.spec.telemetry[0].tracing.samplingPercentage" },
        { "tracing tag without a value", m => m with { Telemetry = [new TelemetryPolicy { Tracing = new TracingSettings { CustomTags = [new TracingTag { Name = "team", Source = TracingTagSource.Literal, Value = "" }] } }] }, InvalidTelemetry, "$.spec.telemetry[0].tracing.customTags[0].value" },
        { "tracing tag header that is no header", m => m with { Telemetry = [new TelemetryPolicy { Tracing = new TracingSettings { CustomTags = [new TracingTag { Name = "user", Source = TracingTagSource.Header, Value = "x user" }] } }] }, InvalidTelemetry, "$.spec.telemetry[0].tracing.customTags[0].value" },
        { "two tracing tags of one name", m => m with { Telemetry = [new TelemetryPolicy { Tracing = new TracingSettings { CustomTags = [new TracingTag { Name = "team", Source = TracingTagSource.Literal, Value = "a" }, new TracingTag { Name = "team", Source = TracingTagSource.Environment, Value = "TEAM" }] } }] }, InvalidTelemetry, "$.spec.telemetry[0].tracing.customTags[1].name" },
        { "literal tag with a default", m => m with { Telemetry = [new TelemetryPolicy { Tracing = new TracingSettings { CustomTags = [new TracingTag { Name = "team", Source = TracingTagSource.Literal, Value = "a", Default = "b" }] } }] }, InvalidTelemetry, "$.spec.telemetry[0].tracing.customTags[0].default" },
        { "two telemetry policies for a scope", m => m with { Telemetry = [new TelemetryPolicy { Namespace = "bookinfo", AccessLogging = true }, new TelemetryPolicy { Namespace = "bookinfo", AccessLogging = false }] }, InvalidTelemetry, "$.spec.telemetry[1].namespace" },
        { "telemetry workload without namespace", m => m with { Telemetry = [new TelemetryPolicy { Workload = new Dictionary<string, string> { ["app"] = "reviews" }, AccessLogging = true }] }, MissingRequired, "$.spec.telemetry[0].namespace" },
        { "unknown outbound mode", m => m with { Outbound = [new OutboundPolicy { Mode = (OutboundMode)7 }] }, UnknownEnumValue, "$.spec.outbound[0].mode" },
        { "gateway without listeners", m => m with { Gateways = [new Gateway { Name = "public", Namespace = "edge" }] }, InvalidGateway, "$.spec.gateways[0].listeners" },
        { "https listener without a certificate", m => Edge(m, null, new GatewayListener { Name = "https", Port = 443, Protocol = ListenerProtocol.Https, Tls = new GatewayTls() }), InvalidGateway, "$.spec.gateways[0].listeners[0].tls" },
        { "https listener without tls", m => Edge(m, null, new GatewayListener { Name = "https", Port = 443, Protocol = ListenerProtocol.Https }), InvalidGateway, "$.spec.gateways[0].listeners[0].tls" },
        { "tls on a plaintext listener", m => Edge(m, null, HttpListener with { Tls = new GatewayTls { CredentialName = "cert" } }), InvalidGateway, "$.spec.gateways[0].listeners[0].tls" },
        { "passthrough with a certificate", m => Edge(m, null, HttpListener, new GatewayListener { Name = "tls", Port = 443, Protocol = ListenerProtocol.Tls, Tls = new GatewayTls { Mode = GatewayTlsMode.Passthrough, CredentialName = "cert" } }), ConflictingFields, "$.spec.gateways[0].listeners[1].tls" },
        { "https listener passing tls through", m => Edge(m, null, new GatewayListener { Name = "https", Port = 443, Protocol = ListenerProtocol.Https, Tls = new GatewayTls { Mode = GatewayTlsMode.Passthrough } }), InvalidGateway, "$.spec.gateways[0].listeners[0].tls.mode" },
        { "mutual certificate files without a CA", m => Edge(m, null, new GatewayListener { Name = "https", Port = 443, Protocol = ListenerProtocol.Https, Tls = new GatewayTls { Mode = GatewayTlsMode.Mutual, Files = new CertificateFiles { CertificateChain = "/c.pem", PrivateKey = "/k.pem" } } }), InvalidGateway, "$.spec.gateways[0].listeners[0].tls.files.caCertificates" },
        { "credential name and files", m => Edge(m, null, new GatewayListener { Name = "https", Port = 443, Protocol = ListenerProtocol.Https, Tls = new GatewayTls { CredentialName = "cert", Files = new CertificateFiles { CertificateChain = "/c.pem", PrivateKey = "/k.pem" } } }), ConflictingFields, "$.spec.gateways[0].listeners[0].tls.files" },
        { "https redirect on an https listener", m => Edge(m, null, new GatewayListener { Name = "https", Port = 443, Protocol = ListenerProtocol.Https, HttpsRedirect = true, Tls = new GatewayTls { CredentialName = "cert" } }), InvalidGateway, "$.spec.gateways[0].listeners[0].httpsRedirect" },
        { "listeners on one port with two protocols", m => Edge(m, null, HttpListener, new GatewayListener { Name = "tcp", Port = 80, Protocol = ListenerProtocol.Tcp }), InvalidGateway, "$.spec.gateways[0].listeners[1].protocol" },
        { "listeners on one port for one host", m => Edge(m, null, HttpListener, HttpListener with { Name = "http-2" }), InvalidGateway, "$.spec.gateways[0].listeners[1].hosts" },
        { "two listeners of one name", m => Edge(m, null, HttpListener, HttpListener with { Port = 8080 }), DuplicateName, "$.spec.gateways[0].listeners[1].name" },
        { "listener host that is no host name", m => Edge(m, null, HttpListener with { Hosts = ["shop..example"] }), InvalidHost, "$.spec.gateways[0].listeners[0].hosts[0]" },
        { "listener port out of range", m => Edge(m, null, HttpListener with { Port = 70000 }), PortOutOfRange, "$.spec.gateways[0].listeners[0].port" },
        { "route bound to a gateway that does not exist", m => Edge(m, EdgeRoute("private")), InvalidGatewayRoute, "$.spec.gatewayRoutes[0].gateways[0]" },
        { "route bound to a listener that does not exist", m => Edge(m, EdgeRoute(listener: "https")), InvalidGatewayRoute, "$.spec.gatewayRoutes[0].gateways[0].listener" },
        { "route bound to a tcp listener", m => Edge(m, EdgeRoute(listener: "tcp"), HttpListener, new GatewayListener { Name = "tcp", Port = 9000, Protocol = ListenerProtocol.Tcp }), InvalidGatewayRoute, "$.spec.gatewayRoutes[0].gateways[0].listener" },
        { "route bound to no gateway", m => Edge(m, EdgeRoute() with { Gateways = [] }), InvalidGatewayRoute, "$.spec.gatewayRoutes[0].gateways" },
        { "route whose hosts no listener serves", m => Edge(m, EdgeRoute(hostnames: "api.example.org")), InvalidGatewayRoute, "$.spec.gatewayRoutes[0].hostnames" },
        { "route host that is no host name", m => Edge(m, EdgeRoute(hostnames: "-shop")), InvalidHost, "$.spec.gatewayRoutes[0].hostnames[0]" },
        { "route matching source labels at a gateway", m => Edge(m, EdgeRoute() with { Rules = [new HttpRouteRule { Matches = [new HttpMatch { SourceNamespace = "shop" }], Backends = [To(ValidModel.Reviews)] }] }), InvalidMatch, "$.spec.gatewayRoutes[0].rules[0].matches[0]" },
        { "route backend that does not exist", m => Edge(m, EdgeRoute() with { Rules = [new HttpRouteRule { Backends = [To(new ServiceRef("cart", "shop"))] }] }), DanglingService, "$.spec.gatewayRoutes[0].rules[0].backends[0].service" },
        { "two gateways of one name", m => Edge(m) with { Gateways = [.. Edge(m).Gateways, Edge(m).Gateways[0]] }, DuplicateName, "$.spec.gateways[1].name" },
        { "caller service that does not exist", m => m.Access(a => a with { From = a.From! with { Services = [new ServiceRef("ghost", "bookinfo")] } }), DanglingService, "$.spec.accessPolicies[0].rules[0].from.services[0]" },
        { "excluded caller service that does not exist", m => m.Access(a => a with { From = a.From! with { Not = new AccessSource { Services = [new ServiceRef("ghost", "bookinfo")] } } }), DanglingService, "$.spec.accessPolicies[0].rules[0].from.not.services[0]" },
        { "identity that is no SPIFFE ID", m => m.Access(a => a with { From = a.From! with { Identities = ["partner.example/ns/a/sa/b"] } }), InvalidAccessRule, "$.spec.accessPolicies[0].rules[0].from.identities[0]" },
        { "identity pattern with an inner star", m => m.Access(a => a with { From = a.From! with { Identities = ["spiffe://partner.example/ns/*/sa/b"] } }), InvalidAccessRule, "$.spec.accessPolicies[0].rules[0].from.identities[0]" },
        { "request principal without a subject", m => m.Access(a => a with { From = a.From! with { RequestPrincipals = ["accounts.google.com"] } }), InvalidAccessRule, "$.spec.accessPolicies[0].rules[0].from.requestPrincipals[0]" },
        { "remote ip block", m => m.Access(a => a with { From = a.From! with { RemoteIpBlocks = ["300.0.0.1"] } }), InvalidAddress, "$.spec.accessPolicies[0].rules[0].from.remoteIpBlocks[0]" },
        { "excluded namespace", m => m.Access(a => a with { From = a.From! with { Not = new AccessSource { Namespaces = ["Ops"] } } }), InvalidName, "$.spec.accessPolicies[0].rules[0].from.not.namespaces[0]" },
        { "exclusion of authenticated callers", m => m.Access(a => a with { From = a.From! with { Not = new AccessSource { Authenticated = true } } }), InvalidAccessRule, "$.spec.accessPolicies[0].rules[0].from.not.authenticated" },
        { "exclusion inside an exclusion", m => m.Access(a => a with { From = a.From! with { Not = new AccessSource { Namespaces = ["ops"], Not = new AccessSource { Namespaces = ["dev"] } } } }), InvalidAccessRule, "$.spec.accessPolicies[0].rules[0].from.not.not" },
        { "authenticated and unauthenticated", m => m.Access(a => a with { From = a.From! with { Authenticated = true, Unauthenticated = true } }), InvalidAccessRule, "$.spec.accessPolicies[0].rules[0].from.authenticated" },
        { "host with an inner star", m => m.Access(a => a with { To = a.To! with { Hosts = ["api.*.example.com"] } }), InvalidAccessRule, "$.spec.accessPolicies[0].rules[0].to.hosts[0]" },
        { "excluded path", m => m.Access(a => a with { To = a.To! with { Not = new AccessOperation { Paths = ["admin"] } } }), InvalidPath, "$.spec.accessPolicies[0].rules[0].to.not.paths[0]" },
        { "path with an inner star", m => m.Access(a => a with { To = a.To! with { Paths = ["/api/*/items"] } }), InvalidPath, "$.spec.accessPolicies[0].rules[0].to.paths[0]" },
        { "condition without values", m => m.Access(a => a with { When = [new AccessCondition { Key = AccessConditionKey.Header("x-tenant") }] }), InvalidAccessRule, "$.spec.accessPolicies[0].rules[0].when[0].values" },
        { "condition on an ip that is no address", m => m.Access(a => a with { When = [new AccessCondition { Key = AccessConditionKey.Of(AccessAttribute.SourceIp), Values = ["shop"] }] }), InvalidAccessRule, "$.spec.accessPolicies[0].rules[0].when[0].values[0]" },
        { "condition on a port that is no port", m => m.Access(a => a with { When = [new AccessCondition { Key = AccessConditionKey.Of(AccessAttribute.DestinationPort), NotValues = ["http"] }] }), InvalidAccessRule, "$.spec.accessPolicies[0].rules[0].when[0].notValues[0]" },
        { "condition key of a header without a name", m => m.Access(a => a with { When = [new AccessCondition { Key = new AccessConditionKey(AccessAttribute.RequestHeader, default), Values = ["a"] }] }), InvalidAccessRule, "$.spec.accessPolicies[0].rules[0].when[0].key" },
        { "jwt rule without an issuer", m => m.Jwt(j => j with { Issuer = "" }), InvalidRequestAuthentication, "$.spec.requestAuthentications[0].jwtRules[0].issuer" },
        { "jwt issuer twice", m => m with { RequestAuthentications = m.RequestAuthentications.Replace(0, p => p with { JwtRules = [p.JwtRules[0], p.JwtRules[0] with { Audiences = ["other"] }] }) }, InvalidRequestAuthentication, "$.spec.requestAuthentications[0].jwtRules[1].issuer" },
        { "jwks by uri and inline", m => m.Jwt(j => j with { Jwks = """{"keys":[]}""" }), InvalidRequestAuthentication, "$.spec.requestAuthentications[0].jwtRules[0].jwks" },
        { "jwks uri that is not http", m => m.Jwt(j => j with { JwksUri = "ftp://accounts.example.com/keys" }), InvalidRequestAuthentication, "$.spec.requestAuthentications[0].jwtRules[0].jwksUri" },
        { "inline jwks that is not a key set", m => m.Jwt(j => j with { JwksUri = null, Jwks = "[1, 2" }), InvalidRequestAuthentication, "$.spec.requestAuthentications[0].jwtRules[0].jwks" },
        { "jwks timeout of zero", m => m.Jwt(j => j with { JwksTimeout = TimeSpan.Zero }), NonPositiveDuration, "$.spec.requestAuthentications[0].jwtRules[0].jwksTimeout" },
        { "token header that is no header name", m => m.Jwt(j => j with { FromHeaders = [new JwtHeader("x jwt")] }), InvalidRequestAuthentication, "$.spec.requestAuthentications[0].jwtRules[0].fromHeaders[0].name" },
        { "empty token parameter", m => m.Jwt(j => j with { FromParams = [""] }), InvalidRequestAuthentication, "$.spec.requestAuthentications[0].jwtRules[0].fromParams[0]" },
        { "claim header with a dot", m => m.Jwt(j => j with { OutputClaimToHeaders = [new JwtClaimHeader("x.user", "sub")] }), InvalidRequestAuthentication, "$.spec.requestAuthentications[0].jwtRules[0].outputClaimToHeaders[0].header" },
        { "claim header without a claim", m => m.Jwt(j => j with { OutputClaimToHeaders = [new JwtClaimHeader("x-user", "")] }), InvalidRequestAuthentication, "$.spec.requestAuthentications[0].jwtRules[0].outputClaimToHeaders[0].claim" },
        { "request authentication of a target and a gateway", m => m with { RequestAuthentications = m.RequestAuthentications.Replace(0, p => p with { Gateway = "public" }) }, InvalidRequestAuthentication, "$.spec.requestAuthentications[0].gateway" },
        { "request authentication of a missing gateway", m => m with { RequestAuthentications = m.RequestAuthentications.Replace(0, p => p with { Target = null, Gateway = "public" }) }, InvalidRequestAuthentication, "$.spec.requestAuthentications[0].gateway" },
        { "request authentication of a dangling service", m => m with { RequestAuthentications = m.RequestAuthentications.Replace(0, p => p with { Target = new PolicyTarget { Service = new ServiceRef("missing", "bookinfo") } }) }, DanglingService, "$.spec.requestAuthentications[0].target.service" },
        { "request authentication of a port", m => m with { RequestAuthentications = m.RequestAuthentications.Replace(0, p => p with { Target = p.Target! with { Port = 9080 } }) }, ConflictingFields, "$.spec.requestAuthentications[0].target.port" },
        { "request authentication twice", m => m with { RequestAuthentications = [m.RequestAuthentications[0], m.RequestAuthentications[0]] }, DuplicateName, "$.spec.requestAuthentications[1].name" },
    };

    [Theory]
    [MemberData(nameof(Cases), DisableDiscoveryEnumeration = true)]
    public void Reports_EachRule_WithCodeAndPath(string name, Func<MeshConfig, MeshConfig> mutate, DiagnosticCode code, string path)
    {
        var diagnostics = MeshValidator.Validate(mutate(ValidModel.Create()));

        Assert.True(
            diagnostics.Any(d => d.Code == code && d.Path == path),
            $"{name}: expected {code} at {path}, got:{Environment.NewLine}{string.Join(Environment.NewLine, diagnostics)}");
    }

    [Fact]
    public void Accepts_TheValidModel()
    {
        Assert.Empty(MeshValidator.Validate(ValidModel.Create()));
    }

    [Fact]
    public void Accepts_AGatewayWithItsRoute()
    {
        var model = Edge(ValidModel.Create(), EdgeRoute(listener: "https", hostnames: "*.example.com"), HttpListener with { HttpsRedirect = true },
            new GatewayListener { Name = "https", Port = 443, Protocol = ListenerProtocol.Https, Hosts = ["shop.example.com"], Tls = new GatewayTls { Mode = GatewayTlsMode.Mutual, CredentialName = "shop-cert", SubjectAltNames = ["client.example.com"] } },
            new GatewayListener { Name = "tls", Port = 443, Protocol = ListenerProtocol.Tls, Hosts = ["db.example.com"], Tls = new GatewayTls { Mode = GatewayTlsMode.Passthrough } });

        Assert.Empty(MeshValidator.Validate(model));
        Assert.Empty(MeshValidator.Validate(model.Normalize()));
    }

    [Fact]
    public void Accepts_GatewayTlsAndTcpRoutes()
    {
        var model = Stream(ValidModel.Create(), [TlsRoute(listener: "tls"), TlsRoute() with { Name = "api", Hostnames = ["*.example.com"] }], [TcpRoute(listener: "tcp")]);

        Assert.Empty(MeshValidator.Validate(model));
        Assert.Empty(MeshValidator.Validate(model.Normalize()));
    }

    [Fact]
    public void Builds_GatewayTlsAndTcpRoutes_AsTheRecords()
    {
        var built = Mesh.Builders.MeshBuilder.Create("edge")
            .GatewayTlsRoute("db", "edge", r => r.Gateway("public", "edge", "tls").Hostnames("db.example.com").To("reviews.bookinfo", weight: 3).To("ratings.bookinfo"))
            .GatewayTcpRoute("pg", "edge", r => r.Gateway("public", "edge").To("reviews.bookinfo", port: 9080))
            .Build();

        Assert.Equal(new GatewayTlsRoute
        {
            Name = "db",
            Namespace = "edge",
            Gateways = [new GatewayRef { Name = "public", Namespace = "edge", Listener = "tls" }],
            Hostnames = ["db.example.com"],
            Backends = [To(ValidModel.Reviews, 3), To(ValidModel.Ratings)],
        }, Assert.Single(built.GatewayTlsRoutes));
        Assert.Equal(new GatewayTcpRoute
        {
            Name = "pg",
            Namespace = "edge",
            Gateways = [new GatewayRef { Name = "public", Namespace = "edge" }],
            Backends = [new WeightedBackend { Service = ValidModel.Reviews, Port = 9080 }],
        }, Assert.Single(built.GatewayTcpRoutes));
    }

    [Fact]
    public void Accepts_TheNormalizedValidModel()
    {
        Assert.Empty(MeshValidator.Validate(ValidModel.Create().Normalize()));
    }

    [Fact]
    public void Accepts_ARuleForSomeCallers_BeforeARuleForEveryCaller()
    {
        // A rule restricted to callers from one namespace, with given labels, or on one port matches only part of the
        // traffic: the rules after it stay reachable, and callers and ports of the host are valid.
        var model = ValidModel.Create().Rule(0, r => r with
        {
            Matches = [new HttpMatch { SourceNamespace = "shop", SourceLabels = new(new Dictionary<string, string> { ["app"] = "web" }) }, new HttpMatch { Port = 9080 }],
        });

        Assert.DoesNotContain(MeshValidator.Validate(model), d => d.Code == ConflictingRoutes);
    }

    [Fact]
    public void Accepts_AnEmptyMesh()
    {
        Assert.Empty(MeshValidator.Validate(new MeshConfig { Name = "empty" }));
    }

    [Fact]
    public void Reports_EveryProblem_WithoutShortCircuiting()
    {
        var broken = ValidModel.Create()
            .Backend(0, b => b with { Weight = -1, Subset = "v9" })
            .Rule(0, r => r with { Timeout = TimeSpan.Zero, Retry = r.Retry! with { Attempts = 42 } })
            .Match(1, x => x with { Path = PathMatch.Regex("(?<=x)y") })
            .Service(1, s => s with { Name = "Ratings" })
            .External(e => e with { Hosts = [] }) with { Name = "Bad_Name" };

        var codes = MeshValidator.Validate(broken).Select(d => (d.Code, d.Path)).ToHashSet();

        Assert.Contains((NegativeWeight, "$.spec.routes[0].rules[0].backends[0].weight"), codes);
        Assert.Contains((DanglingSubset, "$.spec.routes[0].rules[0].backends[0].subset"), codes);
        Assert.Contains((NoEffectiveBackends, "$.spec.routes[0].rules[0].backends"), codes);
        Assert.Contains((NonPositiveDuration, "$.spec.routes[0].rules[0].timeout"), codes);
        Assert.Contains((RetryOutOfRange, "$.spec.routes[0].rules[0].retry.attempts"), codes);
        Assert.Contains((RegexUnsupported, "$.spec.routes[0].rules[1].matches[0].path.regex"), codes);
        Assert.Contains((InvalidName, "$.spec.services[1].name"), codes);
        Assert.Contains((InvalidHost, "$.spec.externalServices[0].hosts"), codes);
        Assert.Contains((InvalidName, "$.metadata.name"), codes);
        // Renaming ratings leaves the access policy target dangling: found too.
        Assert.Contains((DanglingService, "$.spec.accessPolicies[0].target.service"), codes);
    }

    [Theory]
    [InlineData("per-try longer than timeout")]
    [InlineData("rule after catch-all")]
    [InlineData("rule with the same matches")]
    [InlineData("codes without retriable-status-codes")]
    [InlineData("failover without outlier detection")]
    [InlineData("unnamed port of a multi-port backend")]
    [InlineData("outbound host nothing has")]
    public void Reports_Warnings_AsWarnings(string name)
    {
        var (mutate, code, path) = Case(name);

        var diagnostic = Assert.Single(MeshValidator.Validate(mutate(ValidModel.Create())), d => d.Code == code && d.Path == path);

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.False(diagnostic.IsError);
    }

    [Fact]
    public void Accepts_ARateLimitWithRoutes_OnASubsetsHttpPort()
    {
        var model = ValidModel.Create().Policy(p => p with
        {
            Target = p.Target with { Port = 9080 },
            RateLimit = new LocalRateLimit
            {
                Requests = 100,
                Interval = Ms(50),
                Burst = 100,
                Status = 503,
                Routes = [new RouteRateLimit { Path = PathMatch.Prefix("/api"), Requests = 5 }, new RouteRateLimit { Path = PathMatch.Regex("/api/[0-9]+"), Requests = 1, Interval = TimeSpan.FromMinutes(1), Burst = 3 }],
            },
        });

        Assert.Empty(MeshValidator.Validate(model));
    }

    [Fact]
    public void Reports_SecondRouteForAHost_AsAnError()
    {
        var (mutate, code, path) = Case("two routes for one host");

        var diagnostic = Assert.Single(MeshValidator.Validate(mutate(ValidModel.Create())), d => d.Code == code);

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(path, diagnostic.Path);
    }

    [Fact]
    public void Reports_RegexProblem_NamingTheConstruct()
    {
        var model = ValidModel.Create().Match(1, x => x with { Path = PathMatch.Regex("^/(?=reviews)") });

        var diagnostic = Assert.Single(MeshValidator.Validate(model));

        Assert.Contains("look-ahead", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("^/(?=reviews)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Covers_EveryValidationCode()
    {
        var validationCodes = typeof(DiagnosticCodes).GetFields()
            .Select(f => (DiagnosticCode)f.GetValue(null)!)
            .Where(c => c.Value.StartsWith("MESH20", StringComparison.Ordinal))
            .ToHashSet();
        var tested = Cases.Select(row => row.Data.Item3).ToHashSet();

        Assert.Empty(validationCodes.Except(tested));
    }

    [Fact]
    public void Validates_Concurrently_WithTheSameResults()
    {
        var model = ValidModel.Create().Backend(0, b => b with { Weight = -1 }).Service(1, s => s with { Name = "X" });
        var expected = MeshValidator.Validate(model);

        var results = new IReadOnlyList<Diagnostic>[32];
        Parallel.For(0, results.Length, i => results[i] = MeshValidator.Validate(model));

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Reports_CombinedMutations_WithoutThrowing()
    {
        var cases = Cases.Select(r => r.Data).ToArray();
        Gen.Int[0, cases.Length - 1].Array[1, 8].Sample(picks =>
        {
            var model = ValidModel.Create();
            foreach (var i in picks.Distinct().Order())
            {
                try
                {
                    model = cases[i].Item2(model);
                }
                catch (NullReferenceException)
                {
                    // An earlier mutation removed what this one edits: skip it, the model is still broken.
                }
            }
            var diagnostics = MeshValidator.Validate(model);
            // Two mutations can cancel out (one breaks what another repairs), so only the shape of what is reported is checked.
            return diagnostics.All(d => d.Path.StartsWith("$.", StringComparison.Ordinal) && d.Code.Value.StartsWith("MESH", StringComparison.Ordinal));
        }, iter: 300);
    }

    [Fact]
    public void Throws_OnlyForANullConfig()
    {
        Assert.Throws<ArgumentNullException>(() => MeshValidator.Validate(null!));
    }

    private static (Func<MeshConfig, MeshConfig> Mutate, DiagnosticCode Code, string Path) Case(string name)
    {
        var row = Cases.Single(r => r.Data.Item1 == name).Data;
        return (row.Item2, row.Item3, row.Item4);
    }
}

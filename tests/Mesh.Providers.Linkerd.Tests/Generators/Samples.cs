using Mesh.Model;
using Mesh.Collections;

namespace Mesh.Providers.Linkerd.Tests.Generators;

/// <summary>Hand-written models covering every routing feature Linkerd expresses.</summary>
internal static class Samples
{
    private static readonly ServiceRef Web = new("web", "shop");
    private static readonly ServiceRef Echo = new("echo", "grpc");

    public static MeshConfig Routing { get; } = new()
    {
        Name = "routing",
        Services =
        [
            new MeshService { Name = "web", Namespace = "shop", Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http }] },
            new MeshService { Name = "web-canary", Namespace = "shop", Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http }] },
            new MeshService { Name = "echo", Namespace = "grpc", Ports = [new ServicePort { Port = 7070, Protocol = Protocol.Grpc }] },
            new MeshService { Name = "echo-v2", Namespace = "grpc", Ports = [new ServicePort { Port = 7070, Protocol = Protocol.Grpc }] },
        ],
        Routes =
        [
            new HttpRoute
            {
                Name = "web", Namespace = "shop", Host = Web,
                Rules =
                [
                    new HttpRouteRule
                    {
                        Matches = [new HttpMatch { Path = PathMatch.Prefix("/api"), Headers = [ValueMatch.Exact("x-user", "jason")], QueryParams = [ValueMatch.Regex("v", "^[12]$")], Method = "GET" }],
                        Backends = [new WeightedBackend { Service = Web, Port = 8080, Weight = 9 }, new WeightedBackend { Service = new ServiceRef("web-canary", "shop"), Port = 8080, Weight = 1 }],
                        Timeout = TimeSpan.FromSeconds(2),
                        Retry = new RetryPolicy { Attempts = 2, PerTryTimeout = TimeSpan.FromMilliseconds(300), On = [RetryCondition.ServerError, RetryCondition.RetriableStatusCodes], StatusCodes = [429] },
                        RequestHeaders = new HeaderModifier { Set = new Dictionary<string, string> { ["x-env"] = "prod" }, Remove = ["x-debug"] },
                    },
                    new HttpRouteRule
                    {
                        Matches = [new HttpMatch { Path = PathMatch.Exact("/old") }],
                        Timeout = TimeSpan.FromSeconds(2),
                        Retry = new RetryPolicy { Attempts = 2, PerTryTimeout = TimeSpan.FromMilliseconds(300), On = [RetryCondition.ServerError, RetryCondition.RetriableStatusCodes], StatusCodes = [429] },
                        Redirect = new Redirect { Scheme = "https", Path = "/new", StatusCode = 301 },
                    },
                ],
            },
            new HttpRoute
            {
                Name = "echo", Namespace = "grpc", Host = Echo,
                Rules =
                [
                    new HttpRouteRule
                    {
                        Matches = [new HttpMatch { Path = PathMatch.Exact("/echo.Echo/Say") }],
                        Backends = [new WeightedBackend { Service = new ServiceRef("echo-v2", "grpc"), Port = 7070 }],
                        Retry = new RetryPolicy { Attempts = 3, On = [RetryCondition.Unavailable, RetryCondition.Cancelled] },
                    },
                ],
            },
        ],
    };

    /// <summary>Authorization of every form Linkerd writes, an external service by address, and outlier detection.</summary>
    public static MeshConfig Security { get; } = new()
    {
        Name = "security",
        Services =
        [
            new MeshService { Name = "web", Namespace = "shop", Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http }, new ServicePort { Port = 9090, Protocol = Protocol.Grpc }] },
            new MeshService { Name = "db", Namespace = "shop", Ports = [new ServicePort { Port = 5432, Protocol = Protocol.Tcp }], Subsets = [new Subset { Name = "primary", Labels = new Dictionary<string, string> { ["role"] = "primary" } }] },
        ],
        AccessPolicies =
        [
            new AccessPolicy
            {
                Name = "web", Namespace = "shop", Target = new PolicyTarget { Service = Web }, Action = AccessAction.Allow,
                Rules =
                [
                    new AccessRule { From = new AccessSource { ServiceAccounts = [new ServiceAccountRef("edge", "ingress")], Namespaces = ["ops"], IpBlocks = ["10.0.0.0/8"] }, To = new AccessOperation { Ports = [8080], Methods = ["GET"], Paths = ["/api/*", "/health"] } },
                    new AccessRule { From = new AccessSource { ServiceAccounts = [new ServiceAccountRef("shop", "web")] } },
                ],
            },
            new AccessPolicy { Name = "db", Namespace = "shop", Target = new PolicyTarget { Service = new ServiceRef("db", "shop"), Subset = "primary" }, Action = AccessAction.Allow, Rules = [new AccessRule()] },
            new AccessPolicy { Name = "namespace", Namespace = "ops", Action = AccessAction.Allow, Rules = [new AccessRule { From = new AccessSource { Namespaces = ["ops"] } }] },
        ],
        ExternalServices = [new ExternalService { Name = "payments", Namespace = "shop", Hosts = ["api.stripe.com"], Resolution = Resolution.Static, Addresses = ["203.0.113.7", "198.51.100.0/24", "2001:db8::1"] }],
        DestinationPolicies = [new DestinationPolicy { Target = new PolicyTarget { Service = Web }, OutlierDetection = new OutlierDetection { Consecutive5xx = 5, BaseEjectionTime = TimeSpan.FromSeconds(30) } }],
    };

    /// <summary>TCP splits: on one port with weights and a backend in another namespace, and on every port of a host with one backend given without a port.</summary>
    public static MeshConfig Tcp { get; } = new()
    {
        Name = "tcp",
        Services =
        [
            new MeshService { Name = "db", Namespace = "data", Ports = [new ServicePort { Port = 5432, Protocol = Protocol.Tcp }] },
            new MeshService { Name = "cache", Namespace = "data", Ports = [new ServicePort { Port = 6379, Protocol = Protocol.Tcp }] },
            new MeshService { Name = "cache-blue", Namespace = "data", Ports = [new ServicePort { Port = 6379, Protocol = Protocol.Tcp }] },
            new MeshService { Name = "db-dr", Namespace = "backup", Ports = [new ServicePort { Port = 5432, Protocol = Protocol.Tcp }] },
        ],
        TcpRoutes =
        [
            new TcpRoute
            {
                Name = "db", Namespace = "data", Host = new ServiceRef("db", "data"), Port = 5432,
                Backends = [new WeightedBackend { Service = new ServiceRef("db", "data"), Port = 5432, Weight = 90 }, new WeightedBackend { Service = new ServiceRef("db-dr", "backup"), Port = 5432, Weight = 10 }],
            },
            new TcpRoute
            {
                Name = "cache", Namespace = "data", Host = new ServiceRef("cache", "data"),
                Backends = [new WeightedBackend { Service = new ServiceRef("cache-blue", "data") }],
            },
        ],
    };

    /// <summary>
    /// External services of every form Linkerd writes: by host only (HTTP, HTTP/2, gRPC and TLS ports, a wildcard host, two
    /// services sharing their namespace's EgressNetwork), with addresses and routed ports (Deny), with addresses and a TCP
    /// port beside a TLS port and with addresses and TCP ports only (Deny, <c>v1alpha2</c> TCPRoutes whose parent and
    /// backend are the EgressNetwork), and by network only (Allow).
    /// </summary>
    public static MeshConfig Egress { get; } = new()
    {
        Name = "egress",
        ExternalServices =
        [
            new ExternalService
            {
                Name = "stripe", Namespace = "shop", Hosts = ["api.stripe.com", "*.stripe.com"], Resolution = Resolution.Dns,
                Ports = [new ServicePort { Port = 443, Protocol = Protocol.Tls }, new ServicePort { Port = 80, Protocol = Protocol.Http }, new ServicePort { Port = 50051, Protocol = Protocol.Grpc }],
            },
            new ExternalService
            {
                Name = "httpbin", Namespace = "shop", Hosts = ["httpbin.org"], Resolution = Resolution.Dns,
                Ports = [new ServicePort { Port = 443, Protocol = Protocol.Tls }, new ServicePort { Port = 8080, Protocol = Protocol.Http2 }],
            },
            new ExternalService
            {
                Name = "ledger", Namespace = "shop", Hosts = ["ledger.example.com"], Resolution = Resolution.Static, Addresses = ["203.0.113.7", "2001:db8::/48"],
                Ports = [new ServicePort { Port = 443, Protocol = Protocol.Tls }, new ServicePort { Port = 8080, Protocol = Protocol.Http }],
            },
            new ExternalService
            {
                Name = "db", Namespace = "ops", Hosts = ["db.example.com"], Resolution = Resolution.Static, Addresses = ["198.51.100.0/24"],
                Ports = [new ServicePort { Port = 5432, Protocol = Protocol.Tcp }, new ServicePort { Port = 8443, Protocol = Protocol.Tls }],
            },
            new ExternalService
            {
                Name = "cache", Namespace = "ops", Hosts = ["cache"], Resolution = Resolution.Static, Addresses = ["192.0.2.20", "2001:db8::20"],
                Ports = [new ServicePort { Port = 6379, Protocol = Protocol.Tcp }, new ServicePort { Port = 26379, Protocol = Protocol.Tcp }],
            },
            new ExternalService { Name = "backup", Namespace = "ops", Hosts = ["backup"], Resolution = Resolution.Static, Addresses = ["192.0.2.10"] },
        ],
    };

    /// <summary>
    /// Routes on external services: on a namespace's shared EgressNetwork (a redirect, a request header modifier and a retry),
    /// and on a service's own network (a header match splitting 80/20 between the external service and a cluster Service, with
    /// a timeout): HTTPRoutes on the EgressNetworks with EgressNetwork and Service backends; and TCP routes on services with
    /// addresses (a 90/10 split of one port with a cluster Service, and a route on every TCP port to a cluster Service):
    /// <c>v1alpha2</c> TCPRoutes on their EgressNetworks.
    /// </summary>
    public static MeshConfig EgressRoutes { get; } = Egress with
    {
        Name = "egress-routes",
        Services =
        [
            new MeshService { Name = "internal", Namespace = "shop", Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http }] },
            new MeshService { Name = "db-replica", Namespace = "ops", Ports = [new ServicePort { Port = 5432, Protocol = Protocol.Tcp }] },
            new MeshService { Name = "cache-local", Namespace = "data", Ports = [new ServicePort { Port = 6379, Protocol = Protocol.Tcp }] },
        ],
        TcpRoutes =
        [
            new TcpRoute
            {
                Name = "db-canary", Namespace = "ops", Host = new ServiceRef("db", "ops"), Port = 5432,
                Backends = [new WeightedBackend { Service = new ServiceRef("db", "ops"), Weight = 90 }, new WeightedBackend { Service = new ServiceRef("db-replica", "ops"), Port = 5432, Weight = 10 }],
            },
            new TcpRoute
            {
                Name = "cache-local", Namespace = "ops", Host = new ServiceRef("cache", "ops"),
                Backends = [new WeightedBackend { Service = new ServiceRef("cache-local", "data"), Port = 6379 }],
            },
        ],
        Routes =
        [
            new HttpRoute
            {
                Name = "stripe", Namespace = "shop", Host = new ServiceRef("stripe", "shop"),
                Rules =
                [
                    new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Prefix("/old") }], Redirect = new Redirect { Path = "/new", StatusCode = 302 } },
                    new HttpRouteRule
                    {
                        Backends = [new WeightedBackend { Service = new ServiceRef("stripe", "shop") }],
                        RequestHeaders = new HeaderModifier { Set = new Dictionary<string, string> { ["x-egress"] = "shop" }.ToEquatableMap() },
                        Retry = new RetryPolicy { Attempts = 2, On = [RetryCondition.GatewayError] },
                    },
                ],
            },
            new HttpRoute
            {
                Name = "ledger-canary", Namespace = "shop", Host = new ServiceRef("ledger", "shop"),
                Rules =
                [
                    new HttpRouteRule
                    {
                        Matches = [new HttpMatch { Headers = [ValueMatch.Exact("x-canary", "1")] }],
                        Backends = [new WeightedBackend { Service = new ServiceRef("ledger", "shop"), Weight = 80 }, new WeightedBackend { Service = new ServiceRef("internal", "shop"), Port = 8080, Weight = 20 }],
                        Timeout = TimeSpan.FromSeconds(2),
                    },
                    new HttpRouteRule { Backends = [new WeightedBackend { Service = new ServiceRef("ledger", "shop") }], Timeout = TimeSpan.FromSeconds(5) },
                ],
            },
        ],
    };
}

using Mesh.Model;

namespace Mesh.Providers.GatewayApi.Tests.Generators;

/// <summary>Hand-written models covering every feature Gateway API expresses.</summary>
internal static class Samples
{
    private static readonly ServiceRef Reviews = new("reviews", "bookinfo");
    private static readonly ServiceRef Ratings = new("ratings", "bookinfo");
    private static readonly ServiceRef Echo = new("echo", "grpc");

    /// <summary>
    /// A gateway of class <c>example</c> in <c>edge</c>: an HTTP listener for two hosts (written as two listeners), an HTTPS
    /// listener terminating TLS with a Secret, a TLS passthrough listener; a route of another namespace bound to the HTTPS
    /// listener with a backend in a third (a ReferenceGrant there), and one bound to the whole gateway.
    /// </summary>
    public static MeshConfig Edge { get; } = new()
    {
        Name = "imported",
        Services =
        [
            new MeshService { Name = "reviews", Namespace = "bookinfo", Selector = new Dictionary<string, string> { ["app"] = "reviews" }, Ports = [new ServicePort { Name = "http", Port = 9080, Protocol = Protocol.Http }] },
            new MeshService { Name = "web", Namespace = "shop", Selector = new Dictionary<string, string> { ["app"] = "web" }, Ports = [new ServicePort { Name = "http", Port = 80, Protocol = Protocol.Http }] },
        ],
        Gateways =
        [
            new Gateway
            {
                Name = "public", Namespace = "edge", ClassName = "example",
                Listeners =
                [
                    new GatewayListener { Name = "http", Port = 80, Protocol = ListenerProtocol.Http, Hosts = ["shop.example.com", "www.example.com"] },
                    new GatewayListener { Name = "https", Port = 443, Protocol = ListenerProtocol.Https, Hosts = ["*.example.com"], Tls = new GatewayTls { CredentialName = "example-cert" } },
                    new GatewayListener { Name = "db", Port = 443, Protocol = ListenerProtocol.Tls, Hosts = ["db.example.com"], Tls = new GatewayTls { Mode = GatewayTlsMode.Passthrough } },
                ],
            },
        ],
        GatewayRoutes =
        [
            new GatewayRoute
            {
                Name = "shop", Namespace = "shop",
                Gateways = [new GatewayRef { Name = "public", Namespace = "edge", Listener = "https" }],
                Hostnames = ["shop.example.com"],
                Rules =
                [
                    new HttpRouteRule { Matches = [new HttpMatch { Path = new PathMatch(PathMatchKind.Prefix, "/reviews") }], Backends = [new WeightedBackend { Service = Reviews, Port = 9080, Weight = 1 }] },
                    new HttpRouteRule { Backends = [new WeightedBackend { Service = new ServiceRef("web", "shop"), Port = 80, Weight = 1 }] },
                ],
            },
            new GatewayRoute
            {
                Name = "www", Namespace = "edge",
                Gateways = [new GatewayRef { Name = "public", Namespace = "edge" }],
                Hostnames = ["www.example.com"],
                Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = new ServiceRef("web", "shop"), Port = 80, Weight = 1 }] }],
            },
        ],
    };

    /// <summary>
    /// Gateway TLS and TCP routes: a gateway of class <c>example</c> in <c>edge</c> with a TLS passthrough listener for two
    /// hosts (written as two listeners), a terminating TLS listener and a TCP listener; a TLS route of namespace <c>data</c>
    /// bound to the passthrough listener with a weighted split to a service there and one in <c>bookinfo</c> (a
    /// ReferenceGrant there), and a TCP route bound to the whole gateway with a backend in <c>data</c> (a ReferenceGrant).
    /// </summary>
    public static MeshConfig EdgeStreams { get; } = new()
    {
        Name = "imported",
        Services =
        [
            new MeshService { Name = "db", Namespace = "data", Selector = new Dictionary<string, string> { ["app"] = "db" }, Ports = [new ServicePort { Name = "tls", Port = 5432, Protocol = Protocol.Tls }, new ServicePort { Name = "admin", Port = 8080, Protocol = Protocol.Tcp }] },
            new MeshService { Name = "db-next", Namespace = "bookinfo", Selector = new Dictionary<string, string> { ["app"] = "db-next" }, Ports = [new ServicePort { Name = "tls", Port = 5432, Protocol = Protocol.Tls }] },
        ],
        Gateways =
        [
            new Gateway
            {
                Name = "public", Namespace = "edge", ClassName = "example",
                Listeners =
                [
                    new GatewayListener { Name = "sni", Port = 443, Protocol = ListenerProtocol.Tls, Hosts = ["db.example.com", "*.db.example.org"], Tls = new GatewayTls { Mode = GatewayTlsMode.Passthrough } },
                    new GatewayListener { Name = "terminate", Port = 8443, Protocol = ListenerProtocol.Tls, Hosts = ["admin.example.com"], Tls = new GatewayTls { CredentialName = "admin-cert" } },
                    new GatewayListener { Name = "raw", Port = 9000, Protocol = ListenerProtocol.Tcp },
                ],
            },
        ],
        GatewayTlsRoutes =
        [
            new GatewayTlsRoute
            {
                Name = "db", Namespace = "data",
                Gateways = [new GatewayRef { Name = "public", Namespace = "edge", Listener = "sni" }],
                Hostnames = ["db.example.com", "eu.db.example.org"],
                Backends = [new WeightedBackend { Service = new ServiceRef("db", "data"), Port = 5432, Weight = 90 }, new WeightedBackend { Service = new ServiceRef("db-next", "bookinfo"), Port = 5432, Weight = 10 }],
            },
        ],
        GatewayTcpRoutes =
        [
            new GatewayTcpRoute
            {
                Name = "admin", Namespace = "edge",
                Gateways = [new GatewayRef { Name = "public", Namespace = "edge" }],
                Backends = [new WeightedBackend { Service = new ServiceRef("db", "data"), Port = 8080 }],
            },
        ],
    };

    /// <summary>An HTTP route with every HTTPRoute feature, and a gRPC route.</summary>
    public static MeshConfig Routing { get; } = new()
    {
        Name = "routing",
        Services =
        [
            new MeshService { Name = "reviews", Namespace = "bookinfo", Ports = [new ServicePort { Port = 9080, Protocol = Protocol.Http }] },
            new MeshService { Name = "ratings", Namespace = "bookinfo", Ports = [new ServicePort { Port = 9080, Protocol = Protocol.Http }] },
            new MeshService { Name = "echo", Namespace = "grpc", Ports = [new ServicePort { Port = 7070, Protocol = Protocol.Grpc }] },
            new MeshService { Name = "echo-v1", Namespace = "grpc", Ports = [new ServicePort { Port = 7070, Protocol = Protocol.Grpc }] },
            new MeshService { Name = "echo-v2", Namespace = "grpc", Ports = [new ServicePort { Port = 7070, Protocol = Protocol.Grpc }] },
        ],
        Routes =
        [
            new HttpRoute
            {
                Name = "reviews", Namespace = "bookinfo", Host = Reviews,
                Rules =
                [
                    new HttpRouteRule
                    {
                        Matches = [new HttpMatch { Path = PathMatch.Prefix("/api"), Headers = [ValueMatch.Exact("end-user", "jason"), ValueMatch.Regex("x-env", "^(dev|qa)$")], QueryParams = [ValueMatch.Exact("debug", "1")], Method = "GET" }],
                        Backends = [new WeightedBackend { Service = Reviews, Port = 9080, Weight = 3 }, new WeightedBackend { Service = Ratings, Port = 9080, Weight = 1 }],
                        Timeout = TimeSpan.FromMilliseconds(1500),
                        Mirror = new Mirror { Service = Ratings, Port = 9080, Percentage = 12.5m },
                        Rewrite = new Rewrite { PathPrefix = "/v2", Authority = "reviews.internal" },
                        RequestHeaders = new HeaderModifier { Set = new Dictionary<string, string> { ["x-env"] = "prod" }, Remove = ["x-debug"] },
                        ResponseHeaders = new HeaderModifier { Add = new Dictionary<string, string> { ["x-served-by"] = "reviews" } },
                        Cors = new CorsPolicy { AllowOrigins = ["https://example.com"], AllowMethods = ["GET", "POST"], AllowHeaders = ["x-user"], ExposeHeaders = ["x-trace"], MaxAge = TimeSpan.FromMinutes(10), AllowCredentials = true },
                    },
                    new HttpRouteRule
                    {
                        Matches = [new HttpMatch { Path = PathMatch.Exact("/old") }],
                        Redirect = new Redirect { Scheme = "https", Host = "reviews.example.com", Port = 8443, Path = "/new", StatusCode = 308 },
                    },
                    new HttpRouteRule
                    {
                        Matches = [new HttpMatch { Path = PathMatch.Regex("^/r/[0-9]+$") }],
                        Backends = [new WeightedBackend { Service = Reviews }],
                        Rewrite = new Rewrite { FullPath = "/reviews" },
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
                        Matches = [new HttpMatch { Path = PathMatch.Exact("/echo.Echo/Say"), Headers = [ValueMatch.Exact("x-canary", "true")] }],
                        Backends = [new WeightedBackend { Service = new ServiceRef("echo-v2", "grpc"), Port = 7070 }],
                    },
                    new HttpRouteRule
                    {
                        Matches = [new HttpMatch { Path = PathMatch.Prefix("/echo.Echo/") }],
                        Backends = [new WeightedBackend { Service = new ServiceRef("echo-v1", "grpc"), Port = 7070, Weight = 7 }, new WeightedBackend { Service = new ServiceRef("echo-v2", "grpc"), Port = 7070, Weight = 3 }],
                        RequestHeaders = new HeaderModifier { Set = new Dictionary<string, string> { ["x-route"] = "echo" } },
                    },
                ],
            },
        ],
    };

    /// <summary>TCP splits: on one port with weights and a backend in another namespace, and on every port of a host with one backend given without a port.</summary>
    public static MeshConfig Tcp { get; } = new()
    {
        Name = "tcp",
        Services =
        [
            new MeshService { Name = "db", Namespace = "data", Ports = [new ServicePort { Port = 5432, Protocol = Protocol.Tcp }] },
            new MeshService { Name = "db-v2", Namespace = "data", Ports = [new ServicePort { Port = 5432, Protocol = Protocol.Tcp }] },
            new MeshService { Name = "cache", Namespace = "data", Ports = [new ServicePort { Port = 6379, Protocol = Protocol.Tcp }, new ServicePort { Port = 16379, Protocol = Protocol.Tcp }] },
            new MeshService { Name = "cache-blue", Namespace = "data", Ports = [new ServicePort { Port = 6379, Protocol = Protocol.Tcp }] },
            new MeshService { Name = "db-dr", Namespace = "backup", Ports = [new ServicePort { Port = 5432, Protocol = Protocol.Tcp }] },
        ],
        TcpRoutes =
        [
            new TcpRoute
            {
                Name = "db", Namespace = "data", Host = new ServiceRef("db", "data"), Port = 5432,
                Backends = [new WeightedBackend { Service = new ServiceRef("db", "data"), Port = 5432, Weight = 90 }, new WeightedBackend { Service = new ServiceRef("db-v2", "data"), Port = 5432, Weight = 10 }, new WeightedBackend { Service = new ServiceRef("db-dr", "backup"), Port = 5432, Weight = 0 }],
            },
            new TcpRoute
            {
                Name = "cache", Namespace = "data", Host = new ServiceRef("cache", "data"),
                Backends = [new WeightedBackend { Service = new ServiceRef("cache-blue", "data") }],
            },
        ],
    };

    /// <summary>
    /// Client TLS written as BackendTLSPolicies: a whole service verified by the system roots and its FQDN, a port with an
    /// SNI, subject alternative names of both forms and a credential, and a subset a route sends to (its leaf Service).
    /// </summary>
    public static MeshConfig ClientTls { get; } = new()
    {
        Name = "client-tls",
        Services =
        [
            new MeshService
            {
                Name = "payments", Namespace = "shop",
                Ports = [new ServicePort { Port = 8443, Protocol = Protocol.Http, Name = "https" }, new ServicePort { Port = 9443, Protocol = Protocol.Http }],
                Subsets = [new Subset { Name = "v2", Labels = new Dictionary<string, string> { ["version"] = "v2" } }],
            },
        ],
        Routes =
        [
            new HttpRoute
            {
                Name = "payments", Namespace = "shop", Host = new ServiceRef("payments", "shop"),
                Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = new ServiceRef("payments", "shop"), Subset = "v2", Port = 8443 }] }],
            },
        ],
        DestinationPolicies =
        [
            new DestinationPolicy { Target = new PolicyTarget { Service = new ServiceRef("payments", "shop") }, Tls = new Mesh.Model.ClientTls() },
            new DestinationPolicy
            {
                Target = new PolicyTarget { Service = new ServiceRef("payments", "shop"), Port = 9443 },
                Tls = new Mesh.Model.ClientTls { Sni = "payments.example.com", SubjectAltNames = ["payments.example.com", "*.pay.example.com", "spiffe://example.com/ns/shop/sa/payments"], CredentialName = "payments-ca" },
            },
            new DestinationPolicy { Target = new PolicyTarget { Service = new ServiceRef("payments", "shop"), Subset = "v2" }, Tls = new Mesh.Model.ClientTls { CredentialName = "payments-v2-ca" } },
        ],
    };
}

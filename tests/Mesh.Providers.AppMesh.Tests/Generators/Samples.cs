using Mesh.Model;

namespace Mesh.Providers.AppMesh.Tests.Generators;

/// <summary>Hand-written models covering what App Mesh expresses: routing, resilience, mTLS and egress.</summary>
internal static class Samples
{
    private static readonly ServiceRef Color = new("color", "howto");
    private static readonly ServiceRef Echo = new("echo", "grpc");
    private static readonly ServiceRef Db = new("db", "data");

    /// <summary>A colour app with five subsets routed by header, a canary split, a multi-port service, gRPC and TCP.</summary>
    public static MeshConfig Routing { get; } = new()
    {
        Name = "routing",
        Services =
        [
            new MeshService
            {
                Name = "color", Namespace = "howto",
                Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http }],
                Subsets = [Subset("blue"), Subset("green"), Subset("red"), Subset("white")],
            },
            new MeshService { Name = "front", Namespace = "howto", Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http }] },
            new MeshService
            {
                Name = "echo", Namespace = "grpc",
                Ports = [new ServicePort { Port = 7070, Protocol = Protocol.Grpc }, new ServicePort { Port = 8080, Protocol = Protocol.Http2 }],
                Subsets = [Subset("v1"), Subset("v2")],
            },
            new MeshService
            {
                Name = "db", Namespace = "data",
                Ports = [new ServicePort { Port = 5432, Protocol = Protocol.Tcp }],
                Subsets = [Subset("primary"), Subset("replica")],
            },
        ],
        Routes =
        [
            new HttpRoute
            {
                Name = "color", Namespace = "howto", Host = Color,
                Rules =
                [
                    new HttpRouteRule
                    {
                        Matches = [new HttpMatch { Headers = [ValueMatch.Exact("color_header", "blue")] }, new HttpMatch { Path = PathMatch.Exact("/blue") }],
                        Backends = [new WeightedBackend { Service = Color, Subset = "blue" }],
                        Retry = new RetryPolicy { Attempts = 3, PerTryTimeout = TimeSpan.FromMilliseconds(500), On = [RetryCondition.ServerError, RetryCondition.GatewayError, RetryCondition.ConnectFailure] },
                    },
                    new HttpRouteRule
                    {
                        Matches = [new HttpMatch { Path = PathMatch.Prefix("/api"), Headers = [ValueMatch.Regex("color_header", ".*green.*"), ValueMatch.Absent("x-debug")], QueryParams = [ValueMatch.Exact("v", "2")], Method = "GET" }],
                        Backends = [new WeightedBackend { Service = Color, Subset = "green" }],
                        Timeout = TimeSpan.FromSeconds(2),
                    },
                    new HttpRouteRule
                    {
                        Matches = [new HttpMatch { Path = PathMatch.Regex("^/r/[0-9]+$"), Headers = [ValueMatch.Prefix("color_header", "red"), ValueMatch.Present("x-user")] }],
                        Backends = [new WeightedBackend { Service = Color, Subset = "red" }],
                        Timeout = TimeSpan.FromMilliseconds(1500),
                    },
                    new HttpRouteRule
                    {
                        Backends = [new WeightedBackend { Service = Color, Subset = "white", Weight = 90 }, new WeightedBackend { Service = Color, Subset = "blue", Weight = 10 }],
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
                        Matches = [new HttpMatch { Path = PathMatch.Exact("/echo.Echo/Say"), Headers = [ValueMatch.Exact("x-tenant", "a")] }],
                        Backends = [new WeightedBackend { Service = Echo, Subset = "v2", Port = 7070 }],
                        Retry = new RetryPolicy { Attempts = 2, PerTryTimeout = TimeSpan.FromSeconds(1), On = [RetryCondition.Unavailable, RetryCondition.Cancelled] },
                    },
                    new HttpRouteRule
                    {
                        Backends = [new WeightedBackend { Service = Echo, Subset = "v1", Weight = 3 }, new WeightedBackend { Service = Echo, Subset = "v2", Weight = 1 }],
                    },
                ],
            },
        ],
        TcpRoutes =
        [
            new TcpRoute
            {
                Name = "db", Namespace = "data", Host = Db, Port = 5432,
                Backends = [new WeightedBackend { Service = Db, Subset = "primary", Port = 5432, Weight = 4 }, new WeightedBackend { Service = Db, Subset = "replica", Port = 5432, Weight = 1 }],
            },
        ],
    };

    /// <summary>Connection pools and outlier detection on a service and on one subset.</summary>
    public static MeshConfig Resilience { get; } = Routing with
    {
        Name = "resilience",
        DestinationPolicies =
        [
            new DestinationPolicy
            {
                Target = new PolicyTarget { Service = Color },
                ConnectionPool = new ConnectionPool { MaxConnections = 100, MaxPendingRequests = 10 },
                OutlierDetection = new OutlierDetection { Consecutive5xx = 5, Interval = TimeSpan.FromSeconds(10), BaseEjectionTime = TimeSpan.FromSeconds(30), MaxEjectionPercent = 50 },
            },
            new DestinationPolicy
            {
                Target = new PolicyTarget { Service = Echo, Subset = "v2" },
                ConnectionPool = new ConnectionPool { MaxRequests = 200 },
            },
        ],
    };

    /// <summary>Strict mTLS in one namespace, permissive on one workload port elsewhere.</summary>
    public static MeshConfig Security { get; } = Routing with
    {
        Name = "security",
        Mtls =
        [
            new MtlsPolicy { Scope = MtlsScope.ForNamespace("howto"), Mode = MtlsMode.Strict },
            new MtlsPolicy { Scope = new MtlsScope { Namespace = "grpc", Workload = new([new("app", "echo")]), Port = 7070 }, Mode = MtlsMode.Permissive },
        ],
    };

    /// <summary>An external HTTPS API the mesh may call.</summary>
    public static MeshConfig Egress { get; } = Routing with
    {
        Name = "egress",
        ExternalServices =
        [
            new ExternalService { Name = "github", Namespace = "howto", Hosts = ["api.github.com"], Ports = [new ServicePort { Port = 443, Protocol = Protocol.Tls }] },
            new ExternalService { Name = "httpbin", Namespace = "howto", Hosts = ["httpbin.org"], Ports = [new ServicePort { Port = 80, Protocol = Protocol.Http }] },
        ],
    };

    private static Subset Subset(string name) => new() { Name = name, Labels = new([new("version", name)]) };
}

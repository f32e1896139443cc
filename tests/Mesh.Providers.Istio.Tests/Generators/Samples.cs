using Mesh.Model;

namespace Mesh.Providers.Istio.Tests.Generators;

/// <summary>Hand-written models: the Bookinfo sample of <c>samples/bookinfo.mesh.yaml</c>, built in C#.</summary>
internal static class Samples
{
    private static readonly ServiceRef Reviews = new("reviews", "bookinfo");
    private static readonly ServiceRef Ratings = new("ratings", "bookinfo");
    private static readonly ServiceRef Mongo = new("mongodb", "bookinfo");

    private static MeshService Service(string name, int port, Protocol protocol, params string[] versions) => new()
    {
        Name = name,
        Namespace = "bookinfo",
        Ports = [new ServicePort { Name = protocol == Protocol.Tcp ? "mongo" : "http", Port = port, Protocol = protocol }],
        Subsets = [.. versions.Select(v => new Subset { Name = v, Labels = new Dictionary<string, string> { ["version"] = v } })],
    };

    public static MeshConfig Bookinfo { get; } = new()
    {
        Name = "bookinfo",
        Services =
        [
            Service("productpage", 9080, Protocol.Http, "v1"),
            Service("reviews", 9080, Protocol.Http, "v1", "v2", "v3"),
            Service("ratings", 9080, Protocol.Http, "v1", "v2"),
            Service("mongodb", 27017, Protocol.Tcp, "v1", "v2"),
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
                        Matches = [new HttpMatch { Path = PathMatch.Prefix("/api"), Headers = [ValueMatch.Exact("end-user", "jason")], Method = "GET" }],
                        Backends = [new WeightedBackend { Service = Reviews, Subset = "v2", Weight = 100 }],
                        Timeout = TimeSpan.FromSeconds(2),
                        Retry = new RetryPolicy { Attempts = 3, PerTryTimeout = TimeSpan.FromMilliseconds(500), On = [RetryCondition.ServerError, RetryCondition.ConnectFailure, RetryCondition.Reset] },
                        Fault = new FaultInjection { Delay = new FaultDelay { Percentage = 10, Duration = TimeSpan.FromSeconds(5) }, Abort = new FaultAbort { Percentage = 5, HttpStatus = 503 } },
                        Mirror = new Mirror { Service = Reviews, Subset = "v1", Percentage = 25 },
                    },
                    new HttpRouteRule
                    {
                        Matches = [new HttpMatch { Path = PathMatch.Regex("^/reviews/[0-9]+$"), Headers = [ValueMatch.Present("x-debug")], QueryParams = [ValueMatch.Exact("v", "2")] }],
                        Backends = [new WeightedBackend { Service = Reviews, Subset = "v1", Weight = 100 }],
                        Rewrite = new Rewrite { PathPrefix = "/r" },
                        RequestHeaders = new HeaderModifier { Set = new Dictionary<string, string> { ["x-env"] = "prod" }, Add = new Dictionary<string, string> { ["x-trace"] = "1" }, Remove = ["x-internal"] },
                        Cors = new CorsPolicy { AllowOrigins = ["https://bookinfo.example"], AllowMethods = ["GET"], MaxAge = TimeSpan.FromHours(1), AllowCredentials = true },
                    },
                    new HttpRouteRule
                    {
                        Backends = [new WeightedBackend { Service = Reviews, Subset = "v1", Weight = 90 }, new WeightedBackend { Service = Reviews, Subset = "v3", Weight = 10 }],
                        Timeout = TimeSpan.FromSeconds(3),
                        Retry = new RetryPolicy { Attempts = 2, On = [RetryCondition.GatewayError, RetryCondition.RetriableStatusCodes], StatusCodes = [503], Backoff = new RetryBackoff { BaseInterval = TimeSpan.FromMilliseconds(25) } },
                    },
                ],
            },
            new HttpRoute
            {
                Name = "ratings", Namespace = "bookinfo", Host = Ratings,
                Rules =
                [
                    new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Exact("/old") }], Redirect = new Redirect { Path = "/ratings", Host = "ratings.example", StatusCode = 308 } },
                    new HttpRouteRule { Backends = [new WeightedBackend { Service = Ratings, Subset = "v1" }], ResponseHeaders = new HeaderModifier { Set = new Dictionary<string, string> { ["cache-control"] = "no-store" } } },
                ],
            },
        ],
        TcpRoutes =
        [
            new TcpRoute { Name = "mongodb", Namespace = "bookinfo", Host = Mongo, Port = 27017, Backends = [new WeightedBackend { Service = Mongo, Subset = "v1", Weight = 80 }, new WeightedBackend { Service = Mongo, Subset = "v2", Weight = 20 }] },
        ],
        DestinationPolicies =
        [
            new DestinationPolicy
            {
                Target = new PolicyTarget { Service = Reviews, Subset = "v2" },
                LoadBalancer = LoadBalancer.HashOn(ConsistentHash.Header("x-user")),
                ConnectionPool = new ConnectionPool { MaxConnections = 100, MaxPendingRequests = 10, MaxRequestsPerConnection = 20, ConnectTimeout = TimeSpan.FromMilliseconds(250) },
                OutlierDetection = new OutlierDetection { Consecutive5xx = 5, Interval = TimeSpan.FromSeconds(10), BaseEjectionTime = TimeSpan.FromSeconds(30), MaxEjectionPercent = 50 },
            },
            new DestinationPolicy { Target = new PolicyTarget { Service = Ratings }, LoadBalancer = LoadBalancer.LeastRequest },
        ],
        Mtls =
        [
            new MtlsPolicy { Scope = MtlsScope.ForNamespace("bookinfo"), Mode = MtlsMode.Strict },
            new MtlsPolicy { Scope = new MtlsScope { Namespace = "bookinfo", Workload = new Dictionary<string, string> { ["app"] = "mongodb" }, Port = 27017 }, Mode = MtlsMode.Permissive },
        ],
        AccessPolicies =
        [
            new AccessPolicy
            {
                Name = "ratings-from-reviews", Namespace = "bookinfo", Target = new PolicyTarget { Service = Ratings }, Action = AccessAction.Allow,
                Rules = [new AccessRule { From = new AccessSource { ServiceAccounts = [new ServiceAccountRef("bookinfo", "bookinfo-reviews")] }, To = new AccessOperation { Methods = ["GET"], Paths = ["/ratings/*"], Ports = [9080] } }],
            },
            new AccessPolicy { Name = "deny-all", Namespace = "bookinfo", Target = new PolicyTarget { Service = Mongo }, Action = AccessAction.Allow },
        ],
        ExternalServices =
        [
            new ExternalService { Name = "httpbin", Namespace = "bookinfo", Hosts = ["httpbin.example.com"], Ports = [new ServicePort { Name = "https", Port = 443, Protocol = Protocol.Tls }] },
        ],
    };
}

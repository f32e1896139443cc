using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Abstractions.Tests.Validation;

/// <summary>A small valid model touching every feature, and helpers to break one thing in it.</summary>
internal static class ValidModel
{
    public static readonly ServiceRef Reviews = new("reviews", "bookinfo");
    public static readonly ServiceRef Ratings = new("ratings", "bookinfo");
    public static readonly ServiceRef Db = new("db", "bookinfo");

    public static MeshConfig Create() => new()
    {
        Name = "bookinfo",
        Services =
        [
            new MeshService
            {
                Name = "reviews",
                Namespace = "bookinfo",
                Ports = [new ServicePort { Name = "http", Port = 9080, Protocol = Protocol.Http }],
                Subsets =
                [
                    new Subset { Name = "v1", Labels = new Dictionary<string, string> { ["version"] = "v1" } },
                    new Subset { Name = "v2", Labels = new Dictionary<string, string> { ["version"] = "v2" } },
                ],
            },
            new MeshService
            {
                Name = "ratings",
                Namespace = "bookinfo",
                Ports = [new ServicePort { Name = "http", Port = 9080, Protocol = Protocol.Http }],
            },
            new MeshService
            {
                Name = "db",
                Namespace = "bookinfo",
                Ports = [new ServicePort { Port = 5432, Protocol = Protocol.Tcp }],
            },
        ],
        Routes =
        [
            new HttpRoute
            {
                Name = "reviews",
                Namespace = "bookinfo",
                Host = Reviews,
                Rules =
                [
                    new HttpRouteRule
                    {
                        Matches = [new HttpMatch { Path = PathMatch.Prefix("/api"), Headers = [ValueMatch.Exact("end-user", "jason")], Method = "GET" }],
                        Backends = [new WeightedBackend { Service = Reviews, Subset = "v2", Weight = 100 }],
                        Timeout = TimeSpan.FromSeconds(2),
                        Retry = new RetryPolicy
                        {
                            Attempts = 3,
                            PerTryTimeout = TimeSpan.FromMilliseconds(500),
                            On = [RetryCondition.ServerError, RetryCondition.ConnectFailure],
                            Backoff = new RetryBackoff { BaseInterval = TimeSpan.FromMilliseconds(25), MaxInterval = TimeSpan.FromMilliseconds(250) },
                        },
                        Fault = new FaultInjection
                        {
                            Delay = new FaultDelay { Percentage = 10, Duration = TimeSpan.FromSeconds(5) },
                            Abort = new FaultAbort { Percentage = 5, HttpStatus = 503 },
                        },
                        Mirror = new Mirror { Service = Reviews, Subset = "v1", Percentage = 25 },
                        Cors = new CorsPolicy { AllowOrigins = ["https://example.com"], AllowMethods = ["GET"], MaxAge = TimeSpan.FromHours(1) },
                    },
                    new HttpRouteRule
                    {
                        Matches =
                        [
                            new HttpMatch
                            {
                                Path = PathMatch.Regex("^/reviews/[0-9]+$"),
                                Headers = [ValueMatch.Present("x-debug")],
                                QueryParams = [ValueMatch.Exact("v", "2")],
                            },
                        ],
                        Backends = [new WeightedBackend { Service = Reviews, Subset = "v1", Port = 9080, Weight = 100 }],
                        Rewrite = new Rewrite { PathPrefix = "/r" },
                        RequestHeaders = new HeaderModifier { Set = new Dictionary<string, string> { ["x-env"] = "prod" }, Remove = ["x-internal"] },
                    },
                ],
            },
        ],
        TcpRoutes =
        [
            new TcpRoute { Name = "db", Namespace = "bookinfo", Host = Db, Port = 5432, Backends = [new WeightedBackend { Service = Db, Port = 5432 }] },
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
        ],
        Mtls = [new MtlsPolicy { Scope = MtlsScope.ForNamespace("bookinfo"), Mode = MtlsMode.Strict }],
        AccessPolicies =
        [
            new AccessPolicy
            {
                Name = "ratings-from-reviews",
                Namespace = "bookinfo",
                Target = new PolicyTarget { Service = Ratings },
                Action = AccessAction.Allow,
                Rules =
                [
                    new AccessRule
                    {
                        From = new AccessSource { ServiceAccounts = [new ServiceAccountRef("bookinfo", "bookinfo-reviews")], IpBlocks = ["10.0.0.0/8"] },
                        To = new AccessOperation { Methods = ["GET"], Paths = ["/ratings/*"], Ports = [9080] },
                    },
                ],
            },
        ],
        RequestAuthentications =
        [
            new RequestAuthentication
            {
                Name = "ratings-jwt",
                Namespace = "bookinfo",
                Target = new PolicyTarget { Service = Ratings },
                JwtRules =
                [
                    new JwtRule
                    {
                        Issuer = "https://accounts.example.com",
                        Audiences = ["ratings"],
                        JwksUri = "https://accounts.example.com/.well-known/jwks.json",
                        JwksTimeout = TimeSpan.FromSeconds(5),
                        FromHeaders = [new JwtHeader("authorization", "Bearer ")],
                        FromParams = ["token"],
                        FromCookies = ["session"],
                        ForwardOriginalToken = true,
                        OutputClaimToHeaders = [new JwtClaimHeader("x-user", "sub")],
                        OutputPayloadToHeader = "x-jwt-payload",
                    },
                ],
            },
        ],
        ExternalServices =
        [
            new ExternalService
            {
                Name = "httpbin",
                Namespace = "bookinfo",
                Hosts = ["httpbin.example.com", "*.example.org"],
                Ports = [new ServicePort { Name = "https", Port = 443, Protocol = Protocol.Tls }],
                Addresses = ["192.0.2.10", "2001:db8::/32"],
            },
        ],
    };

    public static EquatableArray<T> Replace<T>(this EquatableArray<T> items, int index, Func<T, T> change) =>
        [.. items.Select((item, i) => i == index ? change(item) : item)];

    public static MeshConfig Rule(this MeshConfig m, int rule, Func<HttpRouteRule, HttpRouteRule> change) =>
        m with { Routes = m.Routes.Replace(0, r => r with { Rules = r.Rules.Replace(rule, change) }) };

    public static MeshConfig Match(this MeshConfig m, int rule, Func<HttpMatch, HttpMatch> change) =>
        m.Rule(rule, r => r with { Matches = r.Matches.Replace(0, change) });

    public static MeshConfig Backend(this MeshConfig m, int rule, Func<WeightedBackend, WeightedBackend> change) =>
        m.Rule(rule, r => r with { Backends = r.Backends.Replace(0, change) });

    public static MeshConfig Service(this MeshConfig m, int index, Func<MeshService, MeshService> change) =>
        m with { Services = m.Services.Replace(index, change) };

    public static MeshConfig Tcp(this MeshConfig m, Func<TcpRoute, TcpRoute> change) =>
        m with { TcpRoutes = m.TcpRoutes.Replace(0, change) };

    public static MeshConfig Policy(this MeshConfig m, Func<DestinationPolicy, DestinationPolicy> change) =>
        m with { DestinationPolicies = m.DestinationPolicies.Replace(0, change) };

    public static MeshConfig Access(this MeshConfig m, Func<AccessRule, AccessRule> change) =>
        m with { AccessPolicies = m.AccessPolicies.Replace(0, p => p with { Rules = p.Rules.Replace(0, change) }) };

    public static MeshConfig Jwt(this MeshConfig m, Func<JwtRule, JwtRule> change) =>
        m with { RequestAuthentications = m.RequestAuthentications.Replace(0, p => p with { JwtRules = p.JwtRules.Replace(0, change) }) };

    public static MeshConfig External(this MeshConfig m, Func<ExternalService, ExternalService> change) =>
        m with { ExternalServices = m.ExternalServices.Replace(0, change) };

    public static MeshConfig Mtls(this MeshConfig m, Func<MtlsPolicy, MtlsPolicy> change) =>
        m with { Mtls = m.Mtls.Replace(0, change) };
}

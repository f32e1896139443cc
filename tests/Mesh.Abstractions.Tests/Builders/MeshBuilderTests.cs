using Mesh.Builders;
using Mesh.Model;

namespace Mesh.Abstractions.Tests.Builders;

public class MeshBuilderTests
{
    [Fact]
    public void CanarySplit_WithRetriesAndTimeout_YieldsTheSameRecordsAsHandWritten()
    {
        var built = MeshBuilder.Create("canary")
            .Service("reviews.bookinfo", s => s.Port(9080, Protocol.Http, "http").Subset("v1", "version", "v1").Subset("v2", "version", "v2"))
            .Route("reviews.bookinfo", r => r.Rule(rule => rule
                .To("reviews.bookinfo", "v1", weight: 90)
                .To("reviews.bookinfo", "v2", weight: 10)
                .Timeout(TimeSpan.FromSeconds(2))
                .Retry(3, TimeSpan.FromMilliseconds(500), RetryCondition.ServerError, RetryCondition.ConnectFailure)))
            .Build();

        var reviews = new ServiceRef("reviews", "bookinfo");
        var expected = new MeshConfig
        {
            Name = "canary",
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
            ],
            Routes =
            [
                new HttpRoute
                {
                    Name = "reviews",
                    Namespace = "bookinfo",
                    Host = reviews,
                    Rules =
                    [
                        new HttpRouteRule
                        {
                            Backends =
                            [
                                new WeightedBackend { Service = reviews, Subset = "v1", Weight = 90 },
                                new WeightedBackend { Service = reviews, Subset = "v2", Weight = 10 },
                            ],
                            Timeout = TimeSpan.FromSeconds(2),
                            Retry = new RetryPolicy { Attempts = 3, PerTryTimeout = TimeSpan.FromMilliseconds(500), On = [RetryCondition.ServerError, RetryCondition.ConnectFailure] },
                        },
                    ],
                },
            ],
        };
        Assert.Equal(expected, built);
    }

    [Fact]
    public void EveryRulePolicy_IsSettable()
    {
        var rule = MeshBuilder.Create("m")
            .Route("a.ns", r => r.Rule(x => x
                .Match(m => m.PathRegex("^/r/[0-9]+$").Header(ValueMatch.Present("x-debug")).QueryParam(ValueMatch.Exact("v", "2")).Method("GET"))
                .MatchPathPrefix("/api")
                .To("a.ns")
                .Delay(TimeSpan.FromSeconds(5), 10)
                .Abort(503, 5)
                .Mirror("a.ns", "v1", 25)
                .Rewrite(new Rewrite { PathPrefix = "/r" })
                .SetRequestHeader("x-env", "prod")
                .RemoveRequestHeader("x-internal")
                .SetResponseHeader("cache-control", "no-store")
                .Cors(new CorsPolicy { AllowOrigins = ["*"] })))
            .Build().Routes[0].Rules[0];

        Assert.Equal(2, rule.Matches.Count);
        Assert.Equal(PathMatch.Regex("^/r/[0-9]+$"), rule.Matches[0].Path);
        Assert.Equal(10m, rule.Fault!.Delay!.Percentage);
        Assert.Equal(503, rule.Fault.Abort!.HttpStatus);
        Assert.Equal(25m, rule.Mirror!.Percentage);
        Assert.Equal("prod", rule.RequestHeaders!.Set["x-env"]);
        Assert.Equal(["x-internal"], rule.RequestHeaders.Remove);
        Assert.Equal("no-store", rule.ResponseHeaders!.Set["cache-control"]);
        Assert.Equal(1, rule.Backends[0].Weight);
    }

    [Fact]
    public void CallerAndPortConditions_AreSettable()
    {
        var match = MeshBuilder.Create("m")
            .Route("a.ns", r => r.Rule(x => x
                .Match(m => m.PathPrefix("/api").SourceLabel("app", "web").SourceLabel("version", "v1").SourceNamespace("shop").Port(9080))
                .To("a.ns")))
            .Build().Routes[0].Rules[0].Matches[0];

        Assert.Equal(new HttpMatch
        {
            Path = PathMatch.Prefix("/api"),
            SourceLabels = [new("app", "web"), new("version", "v1")],
            SourceNamespace = "shop",
            Port = 9080,
        }, match);
    }

    [Fact]
    public void Policies_MtlsAccessAndEgress_AreBuilt()
    {
        var config = MeshBuilder.Create("m")
            .DestinationPolicy("a.ns", p => p.LoadBalancer(LoadBalancer.HashOn(ConsistentHash.Header("x-user"))).ConnectionPool(new ConnectionPool { MaxConnections = 10 }), subset: "v2")
            .Mtls(MtlsScope.ForNamespace("ns"), MtlsMode.Strict)
            .AccessPolicy("ratings", "ratings.ns", AccessAction.Allow, a => a.AllowFrom(["ns/reviews"], new AccessOperation { Methods = ["GET"] }))
            .ExternalService("httpbin.ns", e => e.Host("httpbin.example.com").Port(443, Protocol.Tls).Resolve(Resolution.Static, "10.0.0.1"))
            .TcpRoute("db.ns", b => b.To("db.ns", "v1", 80).To("db.ns", "v2", 20), port: 27017)
            .Build();

        Assert.Equal("v2", config.DestinationPolicies[0].Target.Subset);
        Assert.Equal(HashKey.Header, config.DestinationPolicies[0].LoadBalancer!.ConsistentHash!.Key);
        Assert.Equal(MtlsScopeKind.Namespace, config.Mtls[0].Scope.Kind);
        Assert.Equal(new ServiceAccountRef("ns", "reviews"), config.AccessPolicies[0].Rules[0].From!.ServiceAccounts[0]);
        Assert.Equal("ns", config.AccessPolicies[0].Namespace);
        Assert.Equal(Resolution.Static, config.ExternalServices[0].Resolution);
        Assert.Equal(["10.0.0.1"], config.ExternalServices[0].Addresses);
        Assert.Equal([80, 20], config.TcpRoutes[0].Backends.Select(b => b.Weight));
    }

    [Fact]
    public void Outbound_MeshWideAndPerNamespace_AreBuilt_AndTheNamespacesReplacesTheMeshWide()
    {
        var config = MeshBuilder.Create("m")
            .Service("cart.shop", s => s.Port(8080, Protocol.Http))
            .Outbound(OutboundMode.RegistryOnly)
            .Outbound("shop", OutboundMode.AllowAny, "./*", "payments/*")
            .Build();

        Assert.Equal([new OutboundPolicy { Mode = OutboundMode.RegistryOnly }, new OutboundPolicy { Namespace = "shop", Hosts = ["./*", "payments/*"] }], config.Outbound);
        Assert.Equal(OutboundMode.AllowAny, config.OutboundFor("shop")!.Mode);
        Assert.Equal(OutboundMode.RegistryOnly, config.OutboundFor("billing")!.Mode);
        Assert.True(config.OutboundFor("shop")!.Covers("shop", "cart.shop.svc.cluster.local", "shop"));
        Assert.True(config.OutboundFor("shop")!.Covers("payments", "api.payments.svc.cluster.local", "shop"));
        Assert.False(config.OutboundFor("shop")!.Covers("billing", "ledger.billing.svc.cluster.local", "shop"));
    }

    [Fact]
    public void RateLimit_AndRouteLimits_AreBuilt_InTheOrderAdded()
    {
        var limit = MeshBuilder.Create("m")
            .DestinationPolicy("a.ns", p => p
                .RouteRateLimit(PathMatch.Exact("/login"), 1, TimeSpan.FromMinutes(1), burst: 3)
                .RateLimitStatus(503)
                .RateLimit(100, burst: 150)
                .RouteRateLimit(PathMatch.Prefix("/api"), 10))
            .Build().DestinationPolicies[0].RateLimit;

        Assert.Equal(new LocalRateLimit
        {
            Requests = 100,
            Burst = 150,
            Status = 503,
            Routes =
            [
                new RouteRateLimit { Path = PathMatch.Exact("/login"), Requests = 1, Interval = TimeSpan.FromMinutes(1), Burst = 3 },
                new RouteRateLimit { Path = PathMatch.Prefix("/api"), Requests = 10 },
            ],
        }, limit);
    }

    [Fact]
    public void MalformedReferences_AreProgrammerErrors() =>
        Assert.Throws<FormatException>(() => MeshBuilder.Create("m").Service("no-namespace"));
}

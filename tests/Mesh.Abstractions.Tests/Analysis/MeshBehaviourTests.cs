using Mesh.Analysis;
using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Abstractions.Tests.Analysis;

/// <summary>Examples of <see cref="MeshBehaviour"/>: what a rule's traffic reaches, and how two models' behaviours are compared.</summary>
public class MeshBehaviourTests
{
    private static readonly ServiceRef ReviewsRef = new("reviews", "bookinfo");

    private static readonly MeshService Reviews = new()
    {
        Name = "reviews",
        Namespace = "bookinfo",
        Ports = [new ServicePort { Port = 9080, Protocol = Protocol.Http }],
        Subsets =
        [
            new Subset { Name = "v1", Labels = [new("version", "v1")] },
            new Subset { Name = "v2", Labels = [new("version", "v2")] },
            new Subset { Name = "v3", Labels = [new("version", "v3")] },
        ],
    };

    private static Workload ReviewsAt(string version) => new("bookinfo", [new("app", "reviews"), new("version", version)]);

    private static WeightedBackend To(string? subset, int weight = 1, string service = "reviews", int? port = null) =>
        new() { Service = new(service, "bookinfo"), Subset = subset, Weight = weight, Port = port };

    /// <summary>Reviews: a rule for <c>/api</c> with <paramref name="api"/>, then a catch-all rule to v1.</summary>
    private static MeshConfig Model(params WeightedBackend[] api) => new()
    {
        Name = "m",
        Services = [Reviews],
        Routes =
        [
            new HttpRoute
            {
                Name = "reviews",
                Namespace = "bookinfo",
                Host = ReviewsRef,
                Rules =
                [
                    new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Prefix("/api") }], Backends = [.. api] },
                    new HttpRouteRule { Backends = [To("v1")] },
                ],
            },
        ],
    };

    private static RuleBehaviour ApiRule(MeshConfig config) => MeshBehaviour.Of(config).Rules[0];

    [Fact]
    public void Canary_80To20_Gives80PercentToV1_And20PercentToV2()
    {
        var rule = ApiRule(Model(To("v1", 80), To("v2", 20)));

        Assert.Equal(RuleKind.Http, rule.Kind);
        Assert.Equal(ReviewsRef, rule.Host);
        Assert.Equal(RuleOutcome.Forward, rule.Outcome);
        Assert.Equal("path prefix /api", rule.MatchText);
        Assert.Equal(
            [new WorkloadShare(ReviewsAt("v1"), TargetPort.Of(9080), new Share(4, 5)), new WorkloadShare(ReviewsAt("v2"), TargetPort.Of(9080), new Share(1, 5))],
            rule.Destinations);
        Assert.Equal("bookinfo{app=reviews,version=v1}:9080 80%, bookinfo{app=reviews,version=v2}:9080 20%", rule.Summary);
        Assert.Equal("http reviews.bookinfo [path prefix /api] #0", rule.Key);
        Assert.Equal("$.spec.routes[0].rules[0]", rule.Path);
    }

    [Fact]
    public void Weights_4To1_BehaveAs_80To20()
    {
        var percent = MeshBehaviour.Of(Model(To("v1", 80), To("v2", 20)));
        var ratio = MeshBehaviour.Of(Model(To("v2", 1), To("v1", 4)));

        Assert.Equal(percent.Rules[0].Destinations, ratio.Rules[0].Destinations);
        Assert.Empty(percent.CompareTo(ratio));
    }

    [Fact]
    public void DuplicateBackends_ToOneWorkload_AddUp()
    {
        var split = MeshBehaviour.Of(Model(To("v1", 40), To("v2", 20), To("v1", 40)));

        Assert.Equal([new Share(4, 5), new Share(1, 5)], split.Rules[0].Destinations.Select(d => d.Share));
        Assert.Empty(split.CompareTo(MeshBehaviour.Of(Model(To("v1", 80), To("v2", 20)))));
    }

    [Fact]
    public void TwoServices_SelectingTheSameWorkloads_AreOneDestination()
    {
        var alias = new MeshService { Name = "reviews-alias", Namespace = "bookinfo", Selector = [new("app", "reviews")], Ports = Reviews.Ports };
        var config = Model(To(null, 1), To(null, 1, service: "reviews-alias")) with { Services = [Reviews, alias] };

        var destination = Assert.Single(ApiRule(config).Destinations);
        Assert.Equal(new Workload("bookinfo", [new("app", "reviews")]), destination.Workload);
        Assert.Equal(Share.All, destination.Share);
    }

    [Fact]
    public void DroppingACallerOrPortCondition_IsAChange()
    {
        var restricted = Model(To("v2"));
        var rules = restricted.Routes[0].Rules;
        MeshConfig With(HttpMatch match) => restricted with { Routes = [restricted.Routes[0] with { Rules = [rules[0] with { Matches = [match] }, rules[1]] }] };
        var api = rules[0].Matches[0];

        // A migration that keeps the path but loses who may call, or on which port, does not behave the same.
        Assert.NotEmpty(MeshBehaviour.Of(With(api with { SourceNamespace = "shop" })).CompareTo(MeshBehaviour.Of(restricted)));
        Assert.NotEmpty(MeshBehaviour.Of(With(api with { SourceLabels = [new("app", "web")] })).CompareTo(MeshBehaviour.Of(restricted)));
        Assert.NotEmpty(MeshBehaviour.Of(With(api with { Port = 9080 })).CompareTo(MeshBehaviour.Of(restricted)));
        Assert.Empty(MeshBehaviour.Of(With(api with { SourceNamespace = "shop" })).CompareTo(MeshBehaviour.Of(With(api with { SourceNamespace = "shop" }))));
    }

    [Fact]
    public void ZeroShares_AreLeftOut()
    {
        var rule = ApiRule(Model(To("v1", 100), To("v2", 0)));
        Assert.Equal([ReviewsAt("v1")], rule.Destinations.Select(d => d.Workload));
    }

    [Fact]
    public void Redirect_IsAnOutcome_WithoutDestinations()
    {
        var config = Model(To("v1")) with
        {
            Routes = [Model().Routes[0] with { Rules = [new HttpRouteRule { Redirect = new Redirect { Scheme = "HTTPS", Host = "Reviews.Example.com", StatusCode = 308 } }] }],
        };

        var rule = Assert.Single(MeshBehaviour.Of(config).Rules);
        Assert.Equal(RuleOutcome.Redirect, rule.Outcome);
        Assert.Empty(rule.Destinations);
        Assert.Equal(new Redirect { Scheme = "https", Host = "reviews.example.com", StatusCode = 308 }, rule.Redirect);
        Assert.Equal("redirect 308 (scheme https, host reviews.example.com)", rule.Summary);
    }

    [Fact]
    public void NoBackends_AndOnlyZeroWeights_BothSendNowhere()
    {
        var none = MeshBehaviour.Of(Model());
        var zero = MeshBehaviour.Of(Model(To("v1", 0), To("v2", 0)));

        Assert.Equal(RuleOutcome.NoDestination, none.Rules[0].Outcome);
        Assert.Empty(none.Rules[0].Destinations);
        Assert.Empty(none.CompareTo(zero));
        Assert.Equal(["reviews.bookinfo rule [path prefix /api]: no destination → bookinfo{app=reviews,version=v1}:9080 100%"],
            none.CompareTo(MeshBehaviour.Of(Model(To("v1")))).Select(c => c.Message));
    }

    [Fact]
    public void HttpBackendWithoutAPort_GoesToTheHostsOnlyHttpPort_ElseStaysTheRequestsPort()
    {
        // Reviews has one HTTP port (and a TCP one HTTP rules never see): "the request's port" is 9080.
        var withTcp = Reviews with { Ports = [.. Reviews.Ports, new ServicePort { Port = 9090, Protocol = Protocol.Tcp }] };
        MeshConfig On(MeshService host, int? port) => Model(To("v2", port: port)) with { Services = [host] };
        Assert.Empty(MeshBehaviour.Of(On(withTcp, null)).CompareTo(MeshBehaviour.Of(On(withTcp, 9080))));
        Assert.NotEmpty(MeshBehaviour.Of(On(withTcp, null)).CompareTo(MeshBehaviour.Of(On(withTcp, 9090))));

        // A second HTTP port: the request may arrive on either, so naming one is a change.
        var twoHttp = Reviews with { Ports = [.. Reviews.Ports, new ServicePort { Port = 9081, Protocol = Protocol.Http2 }] };
        Assert.NotEmpty(MeshBehaviour.Of(On(twoHttp, null)).CompareTo(MeshBehaviour.Of(On(twoHttp, 9080))));
    }

    [Fact]
    public void TcpRoutes_AreEvaluatedPerPort_WithTheRoutePortAsTheRequestPort()
    {
        var db = new ServiceRef("db", "data");
        var v1 = new MeshService
        {
            Name = "db-v1",
            Namespace = "data",
            Ports = [new ServicePort { Port = 5432, Protocol = Protocol.Tcp, TargetPort = 15432 }, new ServicePort { Port = 5433, Protocol = Protocol.Tcp }],
        };
        var config = new MeshConfig
        {
            Name = "m",
            Services = [v1],
            TcpRoutes =
            [
                new TcpRoute { Name = "db-5433", Namespace = "data", Host = db, Port = 5433, Backends = [new WeightedBackend { Service = v1.Reference }] },
                new TcpRoute
                {
                    Name = "db-5432",
                    Namespace = "data",
                    Host = db,
                    Port = 5432,
                    Backends = [new WeightedBackend { Service = v1.Reference, Weight = 3 }, new WeightedBackend { Service = new("db-v2", "data"), Weight = 1 }],
                },
            ],
        };

        var rules = MeshBehaviour.Of(config).Rules;

        Assert.Equal([5432, 5433], rules.Select(r => r.Port));
        Assert.All(rules, r => Assert.Equal(RuleKind.Tcp, r.Kind));
        Assert.Equal(["$.spec.tcpRoutes[1]", "$.spec.tcpRoutes[0]"], rules.Select(r => r.Path));
        Assert.Equal("tcp db.data:5432 [*] #0", rules[0].Key);
        Assert.Equal("data{app=db-v1}:15432 75%, data{app=db-v2}:5432 25%", rules[0].Summary);
        Assert.Equal("data{app=db-v1}:5433 100%", rules[1].Summary);
        Assert.Equal("db.data tcp port 5432", rules[0].Title);
    }

    [Fact]
    public void TcpRoute_WithoutAPort_IsOneRuleForEveryPort()
    {
        var config = new MeshConfig
        {
            Name = "m",
            TcpRoutes = [new TcpRoute { Name = "db", Namespace = "data", Host = new("db", "data"), Backends = [new WeightedBackend { Service = new("db-v1", "data") }] }],
        };

        var rule = Assert.Single(MeshBehaviour.Of(config).Rules);
        Assert.Null(rule.Port);
        Assert.Equal("tcp db.data:* [*] #0", rule.Key);
        Assert.Equal("db.data tcp (every port)", rule.Title);
        Assert.Null(Assert.Single(rule.Destinations).Port);
    }

    [Fact]
    public void UndeclaredService_ResolvesToItsDefaultSelector_InTheBackendNamespace()
    {
        var rule = ApiRule(Model(new WeightedBackend { Service = new("ratings", "other"), Port = 9080 }));

        var destination = Assert.Single(rule.Destinations);
        Assert.Equal(new Workload("other", [new("app", "ratings")]), destination.Workload);
        Assert.Equal(TargetPort.Of(9080), destination.Port);
        Assert.Equal("other{app=ratings}:9080 100%", destination.ToString());
    }

    [Fact]
    public void UndefinedSubset_IsAWorkloadOfItsOwn_MarkedWithTheSubsetName()
    {
        var rule = ApiRule(Model(To("v9"), To("v1")));

        Assert.Equal(
            ["bookinfo{?subset=v9,app=reviews}", "bookinfo{app=reviews,version=v1}"],
            rule.Destinations.Select(d => d.Workload.ToString()));
        Assert.Equal("v9", rule.Destinations[0].Workload.Labels[Workload.UndefinedSubsetKey]);
    }

    [Fact]
    public void ExternalService_IsAWorkloadMarkedWithItsHosts()
    {
        var stripe = new ExternalService { Name = "stripe", Namespace = "shop", Hosts = ["API.stripe.com", "api.stripe.com", "a.stripe.com"], Ports = [new ServicePort { Port = 443, Protocol = Protocol.Tls }] };
        var config = Model(new WeightedBackend { Service = new("stripe", "shop") }) with { ExternalServices = [stripe] };

        Assert.Equal("shop{?external=a.stripe.com api.stripe.com}:443 100%", ApiRule(config).Summary);
    }

    [Fact]
    public void NamedTargetPort_IsTheDestinationPort()
    {
        var named = Reviews with { Ports = [new ServicePort { Port = 9080, Protocol = Protocol.Http, TargetPort = TargetPort.Named("http-web") }] };
        var rule = ApiRule(Model(To("v1")) with { Services = [named] });

        Assert.Equal(TargetPort.Named("http-web"), Assert.Single(rule.Destinations).Port);
        Assert.Equal("bookinfo{app=reviews,version=v1}:http-web 100%", rule.Summary);
    }

    [Fact]
    public void ImplicitPort_OfASinglePortService_EqualsTheExplicitPort()
    {
        var implicitPort = MeshBehaviour.Of(Model(To("v1", 4), To("v2", 1)));
        var explicitPort = MeshBehaviour.Of(Model(To("v1", 4, port: 9080), To("v2", 1, port: 9080)));

        Assert.Empty(implicitPort.CompareTo(explicitPort));
    }

    [Fact]
    public void ImplicitPort_OfAMultiPortService_IsThePortTheRequestArrivedOn()
    {
        var twoPorts = Reviews with { Ports = [.. Reviews.Ports, new ServicePort { Port = 9090, Protocol = Protocol.Grpc, TargetPort = 19090 }] };
        var rule = ApiRule(Model(To("v1"), To("v2", port: 9090)) with { Services = [twoPorts] });

        Assert.Equal([null, TargetPort.Of(19090)], rule.Destinations.Select(d => d.Port));
    }

    [Fact]
    public void Mirror_IsAWorkloadWithItsPercentageAsTheShare()
    {
        var config = Model(To("v1")) with
        {
            Routes = [Model().Routes[0] with { Rules = [new HttpRouteRule { Backends = [To("v1")], Mirror = new Mirror { Service = ReviewsRef, Subset = "v3", Percentage = 12.5m } }] }],
        };

        var mirror = Assert.Single(MeshBehaviour.Of(config).Rules[0].Mirrors);
        Assert.Equal(new WorkloadShare(ReviewsAt("v3"), TargetPort.Of(9080), new Share(1, 8)), mirror);
        Assert.Equal("bookinfo{app=reviews,version=v1}:9080 100%; mirror bookinfo{app=reviews,version=v3}:9080 12.5%", MeshBehaviour.Of(config).Rules[0].Summary);
    }

    [Fact]
    public void HeaderNameCase_AndAPathPrefixSlash_DoNotChangeTheMatches()
    {
        static MeshConfig Matching(params HttpMatch[] matches) => Model(To("v1")) with
        {
            Routes = [Model().Routes[0] with { Rules = [new HttpRouteRule { Matches = [.. matches], Backends = [To("v1")] }] }],
        };
        var upper = MeshBehaviour.Of(Matching(new HttpMatch { Headers = [ValueMatch.Exact("End-User", "jason")], Method = "get", Path = PathMatch.Prefix("/") }));
        var lower = MeshBehaviour.Of(Matching(new HttpMatch { Method = "GET", Headers = [ValueMatch.Exact("end-user", "jason")] }));
        var everything = MeshBehaviour.Of(Matching(new HttpMatch { Path = PathMatch.Prefix("/") }));

        Assert.Empty(upper.CompareTo(lower));
        Assert.Equal("method GET, header end-user exact jason", upper.Rules[0].MatchText);
        Assert.Equal("*", everything.Rules[0].MatchText);
        Assert.Empty(everything.Rules[0].Matches);
    }

    [Fact]
    public void MatchText_QuotesValuesThatHoldSeparators()
    {
        var config = Model(To("v1")) with
        {
            Routes =
            [
                Model().Routes[0] with
                {
                    Rules =
                    [
                        new HttpRouteRule
                        {
                            Matches = [new HttpMatch { Path = PathMatch.Regex("^/(a|b)$") }, new HttpMatch { QueryParams = [ValueMatch.Exact("q", "x, y"), ValueMatch.Present("debug")] }],
                            Backends = [To("v1")],
                        },
                    ],
                },
            ],
        };

        Assert.Equal("path regex \"^/(a|b)$\" | query debug present, query q exact \"x, y\"", MeshBehaviour.Of(config).Rules[0].MatchText);
    }

    [Fact]
    public void IdenticalMatches_OnOneHost_StayDistinct()
    {
        var config = Model(To("v1")) with
        {
            Routes = [Model().Routes[0] with { Rules = [new HttpRouteRule { Backends = [To("v1")] }, new HttpRouteRule { Backends = [To("v2")] }] }],
        };

        var rules = MeshBehaviour.Of(config).Rules;
        Assert.Equal(["http reviews.bookinfo [*] #0", "http reviews.bookinfo [*] #1"], rules.Select(r => r.Key));
        Assert.Equal(["reviews.bookinfo rule [*]", "reviews.bookinfo rule [*] #1"], rules.Select(r => r.Title));
    }

    [Fact]
    public void Paths_IndexTheModelAsGiven_NotItsNormalForm()
    {
        var ratings = new HttpRoute { Name = "zeta", Namespace = "zoo", Host = new("ratings", "bookinfo"), Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = new("ratings", "bookinfo") }] }] };
        var config = Model(To("v1")) with { Routes = [ratings, .. Model(To("v1")).Routes] };

        var behaviour = MeshBehaviour.Of(config);

        Assert.Equal("$.spec.routes[0].rules[0]", behaviour.Find("http ratings.bookinfo [*] #0")!.Path);
        Assert.Equal("$.spec.routes[1].rules[1]", behaviour.Find("http reviews.bookinfo [*] #0")!.Path);
        Assert.Null(behaviour.Find("http reviews.bookinfo [*] #1"));
    }

    [Fact]
    public void RouteNamesAndOrder_AndTheOrderOfHosts_AreNoChange()
    {
        var ratings = new HttpRoute { Name = "ratings", Namespace = "bookinfo", Host = new("ratings", "bookinfo"), Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = new("ratings", "bookinfo") }] }] };
        var one = Model(To("v1", 80), To("v2", 20)) with { Routes = [ratings, .. Model(To("v1", 80), To("v2", 20)).Routes] };
        var other = one with { Routes = [one.Routes[1] with { Name = "renamed", Namespace = "elsewhere" }, ratings with { Name = "x" }] };

        Assert.Empty(MeshBehaviour.Of(one).CompareTo(MeshBehaviour.Of(other)));
    }

    [Fact]
    public void CompareTo_ReportsAMovedShare_Readably()
    {
        var before = MeshBehaviour.Of(Model(To("v1", 80), To("v2", 20)));
        var after = MeshBehaviour.Of(Model(To("v1", 100)));

        var change = Assert.Single(before.CompareTo(after));
        Assert.Equal(
            "reviews.bookinfo rule [path prefix /api]: bookinfo{app=reviews,version=v1}:9080 80% → 100%, bookinfo{app=reviews,version=v2}:9080 20% → 0%",
            change.Message);
        Assert.Same(before.Rules[0], change.Before);
        Assert.Same(after.Rules[0], change.After);
    }

    [Fact]
    public void CompareTo_ReportsAMissingRule_AndARuleOnlyInTheTarget()
    {
        var before = MeshBehaviour.Of(Model(To("v1", 80), To("v2", 20)));
        var config = Model(To("v1", 80), To("v2", 20));
        var rules = config.Routes[0].Rules;
        var after = MeshBehaviour.Of(config with
        {
            Routes = [config.Routes[0] with { Rules = [rules[0] with { Matches = [new HttpMatch { Path = PathMatch.Prefix("/v2/api") }] }, rules[1]] }],
        });

        var changes = before.CompareTo(after);

        Assert.Equal(
            [
                "reviews.bookinfo rule [path prefix /api]: not in the target (it sent bookinfo{app=reviews,version=v1}:9080 80%, bookinfo{app=reviews,version=v2}:9080 20%)",
                "reviews.bookinfo rule [path prefix /v2/api]: only in the target (it sends bookinfo{app=reviews,version=v1}:9080 80%, bookinfo{app=reviews,version=v2}:9080 20%)",
            ],
            changes.Select(c => c.Message));
        Assert.Null(changes[0].After);
        Assert.Null(changes[1].Before);
    }

    [Fact]
    public void CompareTo_ReportsRulesMatchedInAnotherOrder_OnOneHost()
    {
        var config = Model(To("v2"));
        var rules = config.Routes[0].Rules;
        var swapped = config with { Routes = [config.Routes[0] with { Rules = [rules[1], rules[0]] }] };

        var change = Assert.Single(MeshBehaviour.Of(config).CompareTo(MeshBehaviour.Of(swapped)));

        Assert.Equal("reviews.bookinfo rule [*]: matched after rule [path prefix /api] here, before it in the target (the first matching rule wins)", change.Message);
    }

    [Fact]
    public void CompareTo_ReportsChangedMirrorsAndRedirects()
    {
        static MeshConfig With(HttpRouteRule rule) => Model() with { Routes = [Model().Routes[0] with { Rules = [rule] }] };
        var mirrored = MeshBehaviour.Of(With(new HttpRouteRule { Backends = [To("v1")], Mirror = new Mirror { Service = ReviewsRef, Subset = "v2", Percentage = 50 } }));
        var unmirrored = MeshBehaviour.Of(With(new HttpRouteRule { Backends = [To("v1")], Mirror = new Mirror { Service = ReviewsRef, Subset = "v2", Percentage = 0 } }));
        var redirect301 = MeshBehaviour.Of(With(new HttpRouteRule { Redirect = new Redirect { Path = "/new" } }));
        var redirect302 = MeshBehaviour.Of(With(new HttpRouteRule { Redirect = new Redirect { Path = "/new", StatusCode = 302 } }));

        Assert.Equal(["reviews.bookinfo rule [*]: mirror bookinfo{app=reviews,version=v2}:9080 50% → 0%"], mirrored.CompareTo(unmirrored).Select(c => c.Message));
        Assert.Equal(["reviews.bookinfo rule [*]: redirect 301 (path /new) → redirect 302 (path /new)"], redirect301.CompareTo(redirect302).Select(c => c.Message));
        Assert.Equal(["reviews.bookinfo rule [*]: redirect 301 (path /new) → bookinfo{app=reviews,version=v1}:9080 100%; mirror bookinfo{app=reviews,version=v2}:9080 0% → 50%"],
            redirect301.CompareTo(mirrored).Select(c => c.Message));
    }

    [Fact]
    public void CompareTo_TellsApartSharesThatPrintAlike()
    {
        var thirds = MeshBehaviour.Of(Model(To("v1", 1), To("v2", 2)));
        var almost = MeshBehaviour.Of(Model(To("v1", 3333), To("v2", 6667)));

        var change = Assert.Single(thirds.CompareTo(almost));
        Assert.Contains("v1}:9080 33.33% (1/3) → 33.33% (3333/10000)", change.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ClusterServices_GiveSelectorsAndPorts_ToAModelThatLostThem()
    {
        var cluster = Reviews with
        {
            Selector = [new("app.kubernetes.io/name", "reviews")],
            Ports = [new ServicePort { Port = 9080, Protocol = Protocol.Http, TargetPort = TargetPort.Named("http-web") }],
        };
        var source = Model(To("v1", 4), To("v2", 1)) with { Services = [cluster] };
        // As re-imported from a mesh whose resources hold no Service: the subsets' labels, no selector, the port written out.
        var imported = Model(To("v1", 4, port: 9080), To("v2", 1, port: 9080)) with { Services = [Reviews with { Ports = [] }] };

        Assert.NotEmpty(MeshBehaviour.Of(source).CompareTo(MeshBehaviour.Of(imported)));
        Assert.Empty(MeshBehaviour.Of(source, source.Services).CompareTo(MeshBehaviour.Of(imported, source.Services)));
        Assert.Equal(
            "bookinfo{app.kubernetes.io/name=reviews,version=v1}:http-web 80%, bookinfo{app.kubernetes.io/name=reviews,version=v2}:http-web 20%",
            MeshBehaviour.Of(imported, source.Services).Rules[0].Summary);
    }

    [Fact]
    public void ClusterServices_DoNotDefineSubsets()
    {
        var config = Model(To("v1")) with { Services = [] };

        var rule = MeshBehaviour.Of(config, [Reviews]).Rules[0];

        Assert.Equal("bookinfo{?subset=v1,app=reviews}:9080 100%", rule.Summary);
    }
}

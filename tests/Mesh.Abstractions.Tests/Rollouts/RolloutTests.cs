using Mesh.Analysis;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Rollouts;
using Mesh.Validation;

namespace Mesh.Abstractions.Tests.Rollouts;

/// <summary>Examples of <see cref="Rollout.Apply"/>: each step kind on a Bookinfo-like route, a route created, and every error.</summary>
public class RolloutTests
{
    private static readonly ServiceRef ReviewsRef = new("reviews", "bookinfo");

    private static readonly Rollout Reviews = new() { Service = ReviewsRef, Stable = "v1", Canary = "v2" };

    private static readonly MeshService ReviewsService = new()
    {
        Name = "reviews",
        Namespace = "bookinfo",
        Ports = [new ServicePort { Port = 9080, Protocol = Protocol.Http }],
        Subsets = [Subset("v1"), Subset("v2"), Subset("v3")],
    };

    private static Subset Subset(string version) => new() { Name = version, Labels = [new("version", version)] };

    private static readonly TargetPort Http = TargetPort.Of(9080);

    private static Workload ReviewsAt(string version) => new("bookinfo", [new("app", "reviews"), new("version", version)]);

    private static WeightedBackend To(string? subset, int weight = 100) => new() { Service = ReviewsRef, Subset = subset, Weight = weight };

    /// <summary>The user jason pinned to v3; a catch-all rule to v1 with a timeout.</summary>
    private static readonly HttpRouteRule Jason = new()
    {
        Matches = [new HttpMatch { Headers = [ValueMatch.Exact("end-user", "jason")] }],
        Backends = [To("v3")],
    };

    private static readonly HttpRouteRule CatchAll = new() { Backends = [To("v1")], Timeout = TimeSpan.FromSeconds(2) };

    private static MeshConfig Model(params HttpRouteRule[] rules) => new()
    {
        Name = "bookinfo",
        Services = [ReviewsService],
        Routes = rules.Length == 0 ? [] : [new HttpRoute { Name = "reviews", Namespace = "bookinfo", Host = ReviewsRef, Rules = [.. rules] }],
    };

    private static MeshConfig Stepped(RolloutResult result)
    {
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(MeshValidator.Validate(result.Config!), d => d.IsError);
        return result.Config!;
    }

    private static Diagnostic SingleError(RolloutResult result, DiagnosticCode code)
    {
        Assert.True(result.HasErrors);
        Assert.Null(result.Config);
        Assert.Empty(result.SteppedRules);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(code, error.Code);
        return error;
    }

    [Fact]
    public void WeightStep_SplitsTheCatchAllRule_AndLeavesThePinnedRuleAlone()
    {
        var result = Reviews.Apply(Model(Jason, CatchAll), RolloutStep.Weight(25));
        var config = Stepped(result);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(["$.spec.routes[0].rules[1]"], result.SteppedRules);
        Assert.Empty(result.HeaderRules);
        var rules = config.Routes[0].Rules;
        Assert.Equal(Jason, rules[0]);
        Assert.Equal(CatchAll with { Backends = [To("v1", 75), To("v2", 25)] }, rules[1]);
        var behaviour = MeshBehaviour.Of(config).Rules.Single(r => r.Path == "$.spec.routes[0].rules[1]");
        Assert.Equal([new WorkloadShare(ReviewsAt("v1"), Http, new Share(3, 4)), new WorkloadShare(ReviewsAt("v2"), Http, new Share(1, 4))], behaviour.Destinations);
    }

    [Theory]
    [InlineData(0, 100, 0)]
    [InlineData(5, 95, 5)]
    [InlineData(100, 0, 100)]
    public void WeightStep_WritesBothSubsets_EvenAtZero(int canary, int stableWeight, int canaryWeight)
    {
        var config = Stepped(Reviews.Apply(Model(CatchAll), RolloutStep.Weight(canary)));
        Assert.Equal([To("v1", stableWeight), To("v2", canaryWeight)], config.Routes[0].Rules[0].Backends);
    }

    [Fact]
    public void HeaderStep_InsertsARuleForTheHeaderBeforeTheCatchAll_AndSendsTheRestToTheStable()
    {
        var result = Reviews.Apply(Model(Jason, CatchAll with { Backends = [To("v1", 90), To("v2", 10)] }), RolloutStep.Header("x-canary", "always"));
        var config = Stepped(result);
        Assert.Equal(["$.spec.routes[0].rules[1]"], result.HeaderRules);
        Assert.Equal(["$.spec.routes[0].rules[2]"], result.SteppedRules);
        var rules = config.Routes[0].Rules;
        Assert.Equal(3, rules.Count);
        Assert.Equal(Jason, rules[0]);
        Assert.Equal(CatchAll with { Matches = [new HttpMatch { Headers = [ValueMatch.Exact("x-canary", "always")] }], Backends = [To("v2")] }, rules[1]);
        Assert.Equal(CatchAll with { Backends = [To("v1", 100), To("v2", 0)] }, rules[2]);

        var behaviour = MeshBehaviour.Of(config).Rules;
        Assert.Equal("header x-canary exact always", behaviour[1].MatchText);
        Assert.Equal([new WorkloadShare(ReviewsAt("v2"), Http, Share.All)], behaviour[1].Destinations);
        Assert.Equal([new WorkloadShare(ReviewsAt("v1"), Http, Share.All)], behaviour[2].Destinations);
    }

    [Fact]
    public void HeaderStep_NarrowsEveryAlternativeOfAMatchingRule()
    {
        var api = new HttpRouteRule
        {
            Matches = [new HttpMatch { Path = PathMatch.Prefix("/api") }, new HttpMatch { Method = "POST" }],
            Backends = [To("v1")],
        };
        var config = Stepped(Reviews.Apply(Model(api, CatchAll), RolloutStep.Header("x-canary", "1")));
        var rules = config.Routes[0].Rules;
        Assert.Equal(4, rules.Count);
        Assert.Equal(
            [new HttpMatch { Path = PathMatch.Prefix("/api"), Headers = [ValueMatch.Exact("x-canary", "1")] }, new HttpMatch { Method = "POST", Headers = [ValueMatch.Exact("x-canary", "1")] }],
            rules[0].Matches);
        Assert.Equal(api.Matches, rules[1].Matches);
    }

    [Fact]
    public void HeaderStep_TakenAgain_InsertsNoSecondRule()
    {
        var step = RolloutStep.Header("x-canary", "always");
        var once = Reviews.Apply(Model(Jason, CatchAll), step);
        var twice = Reviews.Apply(once.Config!, step);
        Assert.Equal(Stepped(once), Stepped(twice));
        Assert.Equal(once.HeaderRules, twice.HeaderRules);
        Assert.Equal(once.SteppedRules, twice.SteppedRules);
    }

    [Fact]
    public void MirrorStep_SendsEverythingToTheStable_AndACopyToTheCanary()
    {
        var result = Reviews.Apply(Model(Jason, CatchAll with { Backends = [To("v1", 50), To("v2", 50)] }), RolloutStep.Mirror(12.5m));
        var config = Stepped(result);
        Assert.Equal(["$.spec.routes[0].rules[1]"], result.SteppedRules);
        Assert.Equal(CatchAll with { Backends = [To("v1", 100), To("v2", 0)], Mirror = new Mirror { Service = ReviewsRef, Subset = "v2", Percentage = 12.5m } }, config.Routes[0].Rules[1]);
        var behaviour = MeshBehaviour.Of(config).Rules[1];
        Assert.Equal([new WorkloadShare(ReviewsAt("v1"), Http, Share.All)], behaviour.Destinations);
        Assert.Equal([new WorkloadShare(ReviewsAt("v2"), Http, new Share(1, 8))], behaviour.Mirrors);
    }

    [Fact]
    public void WeightStep_AfterAMirrorStep_IsTheWeightStepOfTheBaseline_AndKeepsAMirrorElsewhere()
    {
        var shadow = new Mirror { Service = ReviewsRef, Subset = "v3", Percentage = 5 };
        var baseline = Model(Jason, CatchAll with { Mirror = shadow });
        var mirrored = Reviews.Apply(Model(Jason, CatchAll), RolloutStep.Mirror(20));
        Assert.Equal(Stepped(Reviews.Apply(Model(Jason, CatchAll), RolloutStep.Weight(50))), Stepped(Reviews.Apply(Stepped(mirrored), RolloutStep.Weight(50))));
        Assert.Equal(shadow, Stepped(Reviews.Apply(baseline, RolloutStep.Weight(50))).Routes[0].Rules[1].Mirror);
        Assert.Equal(shadow, Stepped(Reviews.Apply(baseline, RolloutStep.Header("x-canary", "1"))).Routes[0].Rules[1].Mirror);
    }

    [Fact]
    public void Step_PreservesTheStableBackendsPort()
    {
        var rule = new HttpRouteRule { Backends = [To("v1") with { Port = 9080 }] };
        var config = Stepped(Reviews.Apply(Model(rule), RolloutStep.Mirror(10)));
        Assert.All(config.Routes[0].Rules[0].Backends, b => Assert.Equal(9080, b.Port));
        Assert.Equal(9080, config.Routes[0].Rules[0].Mirror!.Port);
    }

    [Fact]
    public void EveryRuleToTheStableOnly_IsStepped_AndOtherRoutesAreUntouched()
    {
        var ratings = new MeshService { Name = "ratings", Namespace = "bookinfo", Ports = [new ServicePort { Port = 9080, Protocol = Protocol.Http }], Subsets = [Subset("v1")] };
        var ratingsRoute = new HttpRoute { Name = "ratings", Namespace = "bookinfo", Host = ratings.Reference, Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = ratings.Reference, Subset = "v1" }] }] };
        var api = new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Prefix("/api") }], Backends = [To("v1")] };
        var model = Model(api, Jason, CatchAll);
        model = model with { Services = [.. model.Services, ratings], Routes = [ratingsRoute, .. model.Routes] };
        var result = Reviews.Apply(model, RolloutStep.Weight(10));
        var config = Stepped(result);
        Assert.Equal(["$.spec.routes[1].rules[0]", "$.spec.routes[1].rules[2]"], result.SteppedRules);
        Assert.Equal(ratingsRoute, config.Routes[0]);
        Assert.Equal(Jason, config.Routes[1].Rules[1]);
    }

    [Fact]
    public void NoRoute_CreatesOneWithACatchAllRule_AndSaysSo()
    {
        var result = Reviews.Apply(Model(), RolloutStep.Weight(5));
        var config = Stepped(result);
        var note = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Info, DiagnosticCodes.RolloutRouteCreated, "$.spec.routes[0]"), (note.Severity, note.Code, note.Path));
        var route = Assert.Single(config.Routes);
        Assert.Equal(("reviews", "bookinfo", ReviewsRef), (route.Name, route.Namespace, route.Host));
        Assert.Equal([new HttpRouteRule { Backends = [To("v1", 95), To("v2", 5)] }], route.Rules);
    }

    [Fact]
    public void NoRoute_AHeaderStepCreatesTheHeaderRuleAndTheCatchAll_NamedApartFromATakenName()
    {
        var model = Model() with { TcpRoutes = [new TcpRoute { Name = "reviews", Namespace = "bookinfo", Host = new ServiceRef("db", "bookinfo"), Backends = [new WeightedBackend { Service = new ServiceRef("db", "bookinfo") }] }] };
        var result = Reviews.Apply(model, RolloutStep.Header("x-canary", "1"));
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var route = Assert.Single(result.Config!.Routes);
        Assert.Equal("reviews-rollout", route.Name);
        Assert.Equal(2, route.Rules.Count);
        Assert.Equal(["$.spec.routes[0].rules[0]"], result.HeaderRules);
        Assert.Equal(["$.spec.routes[0].rules[1]"], result.SteppedRules);
    }

    [Fact]
    public void UnknownService_IsMesh6001_NamingTheDeclaredOnes()
    {
        var error = SingleError(new Rollout { Service = new("reviewz", "bookinfo"), Stable = "v1", Canary = "v2" }.Apply(Model(CatchAll), RolloutStep.Weight(5)), DiagnosticCodes.RolloutServiceUnknown);
        Assert.Equal("$.rollout.service", error.Path);
        Assert.Contains("reviews.bookinfo", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownSubsets_AreMesh6002_EachOfThem()
    {
        var result = (Reviews with { Stable = "v9", Canary = "v8" }).Apply(Model(CatchAll), RolloutStep.Weight(5));
        Assert.Null(result.Config);
        Assert.Equal([("$.rollout.stable", DiagnosticCodes.RolloutSubsetUnknown), ("$.rollout.canary", DiagnosticCodes.RolloutSubsetUnknown)], result.Diagnostics.Select(d => (d.Path, d.Code)));
        Assert.Contains("it has v1, v2, v3", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, "$.rollout.step.weight")]
    [InlineData(101, "$.rollout.step.weight")]
    public void WeightOutOfRange_IsMesh6003(int weight, string path) =>
        Assert.Equal(path, SingleError(Reviews.Apply(Model(CatchAll), RolloutStep.Weight(weight)), DiagnosticCodes.InvalidRolloutStep).Path);

    [Theory]
    [InlineData("-0.5")]
    [InlineData("100.01")]
    public void MirrorOutOfRange_IsMesh6003(string percentage) =>
        Assert.Equal("$.rollout.step.mirror", SingleError(Reviews.Apply(Model(CatchAll), RolloutStep.Mirror(decimal.Parse(percentage, System.Globalization.CultureInfo.InvariantCulture))), DiagnosticCodes.InvalidRolloutStep).Path);

    [Theory]
    [InlineData("", "1", "$.rollout.step.header.name")]
    [InlineData("x canary", "1", "$.rollout.step.header.name")]
    [InlineData(":authority", "1", "$.rollout.step.header.name")]
    [InlineData("x-canary", "", "$.rollout.step.header.value")]
    [InlineData("x-canary", "a\nb", "$.rollout.step.header.value")]
    public void MalformedHeader_IsMesh6003(string name, string value, string path) =>
        Assert.Equal(path, SingleError(Reviews.Apply(Model(CatchAll), RolloutStep.Header(name, value)), DiagnosticCodes.InvalidRolloutStep).Path);

    [Fact]
    public void OneSubsetAsStableAndCanary_IsMesh6003() =>
        Assert.Equal("$.rollout.canary", SingleError((Reviews with { Canary = "v1" }).Apply(Model(CatchAll), RolloutStep.Weight(5)), DiagnosticCodes.InvalidRolloutStep).Path);

    [Fact]
    public void AHeaderTheSteppedRuleAlreadyMatchesOn_IsMesh6003()
    {
        var rule = new HttpRouteRule { Matches = [new HttpMatch { Headers = [ValueMatch.Present("X-Canary")] }], Backends = [To("v1")] };
        var error = SingleError(Reviews.Apply(Model(rule), RolloutStep.Header("x-canary", "1")), DiagnosticCodes.InvalidRolloutStep);
        Assert.Equal("$.spec.routes[0].rules[0].matches[0].headers[0]", error.Path);
    }

    [Fact]
    public void NoRuleToTheStable_IsMesh6004_AndTheModelIsNotChanged()
    {
        // The whole service (no subset), other subsets, and a redirect are not the rollout's to step.
        var whole = new HttpRouteRule { Backends = [To(null)] };
        var other = new HttpRouteRule { Matches = [new HttpMatch { Method = "GET" }], Backends = [To("v1", 50), To("v3", 50)] };
        var error = SingleError(Reviews.Apply(Model(Jason, other, whole), RolloutStep.Weight(5)), DiagnosticCodes.NoRolloutRule);
        Assert.Equal("$.spec.routes[0].rules", error.Path);
        Assert.Contains("subset: v1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoRouteAndNoHttpPort_IsMesh6004()
    {
        var model = Model() with { Services = [ReviewsService with { Ports = [new ServicePort { Port = 5432, Protocol = Protocol.Tcp }] }] };
        Assert.Equal("$.spec.services[0]", SingleError(Reviews.Apply(model, RolloutStep.Weight(5)), DiagnosticCodes.NoRolloutRule).Path);
    }

    [Fact]
    public void MirrorStep_OnARuleMirroringElsewhere_IsMesh6005()
    {
        var model = Model(CatchAll with { Mirror = new Mirror { Service = ReviewsRef, Subset = "v3", Percentage = 5 } });
        Assert.Equal("$.spec.routes[0].rules[0].mirror", SingleError(Reviews.Apply(model, RolloutStep.Mirror(10)), DiagnosticCodes.RolloutMirrorInUse).Path);
        Assert.False(Reviews.Apply(model, RolloutStep.Weight(10)).HasErrors);
    }

    [Fact]
    public void Steps_ReadAsText()
    {
        Assert.Equal("weight 25", RolloutStep.Weight(25).ToString());
        Assert.Equal("header x-canary=always", RolloutStep.Header("x-canary", "always").ToString());
        Assert.Equal("mirror 12.5%", RolloutStep.Mirror(12.5m).ToString());
    }

    [Fact]
    public void ModelsWithNullEntries_AreStepped_WithoutThrowing()
    {
        var model = Model(CatchAll) with { Services = [null!, ReviewsService] };
        model = model with { Routes = [null!, model.Routes[0] with { Rules = [null!, CatchAll] }] };
        var result = Reviews.Apply(model, RolloutStep.Header("x-canary", "1"));
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal(["$.spec.routes[1].rules[2]"], result.SteppedRules);
    }

    [Fact]
    public void NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => Reviews.Apply(null!, RolloutStep.Weight(5)));
        Assert.Throws<ArgumentNullException>(() => Reviews.Apply(Model(CatchAll), null!));
    }
}

using CsCheck;
using Mesh.Builders;
using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Abstractions.Tests.Model;

public class NormalizeTests
{
    private static MeshConfig Split(params (string Subset, int Weight)[] backends) => new()
    {
        Name = "m",
        Routes =
        [
            new HttpRoute
            {
                Name = "r",
                Namespace = "ns",
                Host = new ServiceRef("svc", "ns"),
                Rules = [new HttpRouteRule { Backends = [.. backends.Select(b => new WeightedBackend { Service = new("svc", "ns"), Subset = b.Subset, Weight = b.Weight })] }],
            },
        ],
    };

    [Fact]
    public void Weights_BecomePercentages_WhenExact_AndSortByDestination()
    {
        var normalized = Split(("v2", 1), ("v1", 9)).Normalize();
        var backends = normalized.Routes[0].Rules[0].Backends;
        Assert.Equal(["v1", "v2"], backends.Select(b => b.Subset));
        Assert.Equal([90, 10], backends.Select(b => b.Weight));
        Assert.Equal(Split(("v1", 900), ("v2", 100)).Normalize(), normalized);
    }

    [Theory]
    [InlineData(new[] { 1, 1, 1 }, new[] { 1, 1, 1 })]
    [InlineData(new[] { 2, 2, 2 }, new[] { 1, 1, 1 })]
    [InlineData(new[] { 7 }, new[] { 100 })]
    [InlineData(new[] { 3, 1 }, new[] { 75, 25 })]
    [InlineData(new[] { 0, 5 }, new[] { 0, 100 })]
    [InlineData(new[] { 1, 2 }, new[] { 1, 2 })]
    public void Weights_TakeOneCanonicalForm(int[] weights, int[] expected) =>
        Assert.Equal(expected, Split([.. weights.Select((w, i) => ($"v{i}", w))]).Normalize().Routes[0].Rules[0].Backends.Select(b => b.Weight));

    [Fact]
    public void Weights_WithTheSameRatio_NormalizeAlike() =>
        Gen.Int[0, 50].Array[1, 4].Select(Gen.Int[1, 30]).Sample((weights, k) =>
        {
            if (weights.All(w => w == 0)) return true;
            var a = Split([.. weights.Select((w, i) => ($"v{i}", w))]).Normalize();
            var b = Split([.. weights.Select((w, i) => ($"v{i}", w * k))]).Normalize();
            return a == b;
        });

    [Fact]
    public void AllZeroWeights_AreLeftForValidationToReport() =>
        Assert.Equal([0, 0], Split(("v1", 0), ("v2", 0)).Normalize().Routes[0].Rules[0].Backends.Select(b => b.Weight));

    [Fact]
    public void NegativeWeights_AreLeftForValidationToReport() =>
        Assert.Equal([-2, 4], Split(("v1", -2), ("v2", 4)).Normalize().Routes[0].Rules[0].Backends.Select(b => b.Weight));

    [Fact]
    public void PortNames_AreDerivedFromProtocolAndNumber()
    {
        var config = MeshBuilder.Create("m").Service("svc.ns", s => s.Port(9080, Protocol.Http).Port(50051, Protocol.Grpc, "api")).Build();
        var ports = config.Normalize().Services[0].Ports;
        Assert.Equal(["http-9080", "api"], ports.Select(p => p.Name));
    }

    [Fact]
    public void RuleOrder_IsKept_ButMatchAndHeaderOrderIsNot()
    {
        var a = new HttpRouteRule
        {
            Matches = [new HttpMatch { Headers = [ValueMatch.Exact("b", "1"), ValueMatch.Exact("a", "1")] }, new HttpMatch { Path = PathMatch.Prefix("/x") }],
            Backends = [new WeightedBackend { Service = new("svc", "ns") }],
        };
        var b = a with
        {
            Matches = [new HttpMatch { Path = PathMatch.Prefix("/x") }, new HttpMatch { Headers = [ValueMatch.Exact("a", "1"), ValueMatch.Exact("b", "1")] }],
        };
        var first = Split(("v1", 1)) with { Routes = [Split(("v1", 1)).Routes[0] with { Rules = [a, b with { Timeout = TimeSpan.FromSeconds(1) }] }] };
        var second = Split(("v1", 1)) with { Routes = [Split(("v1", 1)).Routes[0] with { Rules = [b, a with { Timeout = TimeSpan.FromSeconds(1) }] }] };
        Assert.Equal(first.Normalize(), second.Normalize());

        var swappedRules = first with { Routes = [first.Routes[0] with { Rules = [first.Routes[0].Rules[1], first.Routes[0].Rules[0]] }] };
        Assert.NotEqual(first.Normalize(), swappedRules.Normalize());
    }

    [Fact]
    public void AnUnconditionalMatch_MeansNoMatches()
    {
        var rule = new HttpRouteRule { Matches = [new HttpMatch(), new HttpMatch { Method = "get" }] };
        var normalized = (Split(("v1", 1)) with { Routes = [Split(("v1", 1)).Routes[0] with { Rules = [rule] }] }).Normalize();
        Assert.True(normalized.Routes[0].Rules[0].Matches.IsEmpty);
    }

    [Fact]
    public void Methods_AreUpperCased_AndSetsDeduplicated()
    {
        var rule = new HttpRouteRule
        {
            Matches = [new HttpMatch { Method = "get" }],
            Retry = new RetryPolicy { Attempts = 2, On = [RetryCondition.Reset, RetryCondition.ServerError, RetryCondition.Reset], StatusCodes = [503, 502, 503] },
            RequestHeaders = new HeaderModifier { Remove = ["x-b", "x-a", "x-b"] },
        };
        var n = (Split(("v1", 1)) with { Routes = [Split(("v1", 1)).Routes[0] with { Rules = [rule] }] }).Normalize().Routes[0].Rules[0];
        Assert.Equal("GET", n.Matches[0].Method);
        Assert.Equal([RetryCondition.ServerError, RetryCondition.Reset], n.Retry!.On);
        Assert.Equal([502, 503], n.Retry.StatusCodes);
        Assert.Equal(["x-a", "x-b"], n.RequestHeaders!.Remove);
    }

    [Fact]
    public void EmptyPolicyShells_AreRemoved()
    {
        var rule = new HttpRouteRule
        {
            Backends = [new WeightedBackend { Service = new("svc", "ns") }],
            RequestHeaders = new HeaderModifier(),
            Fault = new FaultInjection(),
            Rewrite = new Rewrite(),
        };
        var n = (Split(("v1", 1)) with { Routes = [Split(("v1", 1)).Routes[0] with { Rules = [rule] }] }).Normalize().Routes[0].Rules[0];
        Assert.Null(n.RequestHeaders);
        Assert.Null(n.Fault);
        Assert.Null(n.Rewrite);
    }

    [Fact]
    public void AccessRules_WithEmptySourceOrOperation_MeanAnyone()
    {
        var policy = new AccessPolicy
        {
            Name = "p",
            Namespace = "ns",
            Action = AccessAction.Allow,
            Rules = [new AccessRule { From = new AccessSource(), To = new AccessOperation { Methods = ["get", "GET"] } }],
        };
        var n = new MeshConfig { Name = "m", AccessPolicies = [policy] }.Normalize().AccessPolicies[0].Rules[0];
        Assert.Null(n.From);
        Assert.Equal(["GET"], n.To!.Methods);
    }

    [Fact]
    public void Collections_AreSortedByKey()
    {
        var config = new MeshConfig
        {
            Name = "m",
            Services = [new MeshService { Name = "b", Namespace = "ns" }, new MeshService { Name = "a", Namespace = "ns" }, new MeshService { Name = "z", Namespace = "a" }],
            ExternalServices = [new ExternalService { Name = "e", Namespace = "ns", Hosts = ["B.example.com", "a.example.com"] }],
        };
        var n = config.Normalize();
        Assert.Equal(["a/z", "ns/a", "ns/b"], n.Services.Select(s => $"{s.Namespace}/{s.Name}"));
        Assert.Equal(["a.example.com", "b.example.com"], n.ExternalServices[0].Hosts);
    }

    [Fact]
    public void Normalize_IsIdempotent_OnTheSample()
    {
        var config = MeshBuilder.Create("m")
            .Service("svc.ns", s => s.Port(80, Protocol.Http).Subset("v2", "version", "v2").Subset("v1", "version", "v1"))
            .Route("svc.ns", r => r.Rule(x => x.To("svc.ns", "v1", 30).To("svc.ns", "v2", 70)))
            .Build();
        var once = config.Normalize();
        Assert.Equal(once, once.Normalize());
        Assert.Equal(["v1", "v2"], once.Services[0].Subsets.Select(s => s.Name));
    }

    [Fact]
    public void Models_WithEqualContent_AreEqual()
    {
        static MeshConfig Make() => new()
        {
            Name = "m",
            Services = [new MeshService { Name = "s", Namespace = "ns", Subsets = [new Subset { Name = "v1", Labels = new Dictionary<string, string> { ["version"] = "v1" } }] }],
        };
        Assert.Equal(Make(), Make());
        Assert.True(Make() == Make());
        Assert.Equal(Make().GetHashCode(), Make().GetHashCode());
        Assert.NotEqual(Make(), Make() with { Name = "other" });
        _ = EquatableMap<string>.Empty;
    }

    [Fact]
    public void Outbound_PoliciesThatSayWhatAppliesAnyway_AreDropped_HostsSortedAndDistinct()
    {
        var config = new MeshConfig
        {
            Name = "m",
            Outbound =
            [
                new OutboundPolicy { Namespace = "shop", Mode = OutboundMode.RegistryOnly, Hosts = ["./*", "*/api.stripe.com", "./*"] },
                new OutboundPolicy { Namespace = "billing", Mode = OutboundMode.RegistryOnly },
                new OutboundPolicy { Mode = OutboundMode.RegistryOnly },
                new OutboundPolicy { Namespace = "web" },
            ],
        };

        Assert.Equal(
            [new OutboundPolicy { Mode = OutboundMode.RegistryOnly }, new OutboundPolicy { Namespace = "shop", Mode = OutboundMode.RegistryOnly, Hosts = ["*/api.stripe.com", "./*"] }, new OutboundPolicy { Namespace = "web" }],
            config.Normalize().Outbound);
        // Without a mesh-wide policy, allowing any host everywhere is the default: nothing is left.
        Assert.Empty((config with { Outbound = [new OutboundPolicy(), new OutboundPolicy { Namespace = "web" }] }).Normalize().Outbound);
    }
}

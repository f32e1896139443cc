using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Consul.Mapping;
using Mesh.Providers.Consul.Resources;
using static Mesh.Providers.Consul.Tests.Export.Models;

namespace Mesh.Providers.Consul.Tests.Export;

/// <summary>Weighted splits as ServiceSplitters with percentages summing to exactly 100, and subsets as ServiceResolver filters.</summary>
public sealed class SplitExportTests
{
    [Fact]
    public void CatchAllSplit_IsTheHostsOwnSplitter_AndThirdsSumToExactly100()
    {
        var rule = new HttpRouteRule { Backends = [To("v1"), To("v2"), new WeightedBackend { Service = Web }] };
        var export = new Exported(Shop(Route("api", rule)));
        var splits = export.Get<ServiceSplitter>("api").Spec.Splits!;
        Assert.Equal(100m, splits.Sum(s => s.Weight!.Value));
        Assert.Equal([33.34m, 33.33m, 33.33m], splits.Select(s => s.Weight!.Value));
        Assert.Equal(("api", "v1"), (splits[0].Service, splits[0].ServiceSubset));
        Assert.Equal("web", splits[2].Service);
        Assert.Null(export.Find<ServiceRouter>("api"));
        Assert.True(export.Has(DiagnosticCodes.WeightsRounded, "$.spec.routes[0].rules[0].backends"));
    }

    [Fact]
    public void ExactRatios_AreNotReported_AndZeroWeightsAreDropped()
    {
        var rule = new HttpRouteRule { Backends = [To("v1", 9), To("v2", 1), new WeightedBackend { Service = Web, Weight = 0 }] };
        var export = new Exported(Shop(Route("api", rule)));
        var splits = export.Get<ServiceSplitter>("api").Spec.Splits!;
        Assert.Equal([90m, 10m], splits.Select(s => s.Weight!.Value));
        Assert.False(export.Has(DiagnosticCodes.WeightsRounded, "$"));
        Assert.Contains("weight: 90\n", export.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void CatchAllSplit_OfAHostOtherRulesSendTo_GoesThroughAVirtualServiceSplitter()
    {
        // Consul sends a route to the host without a subset through the host's own splitter: that rule must not be split.
        var whole = new HttpRouteRule { Matches = [new HttpMatch { Path = new PathMatch(PathMatchKind.Prefix, "/admin") }], Backends = [To(null)] };
        var split = new HttpRouteRule { Backends = [To("v1"), To("v2")] };
        var export = new Exported(Shop(Route("api", whole, split)));
        Assert.Null(export.Find<ServiceSplitter>("api"));
        var routes = export.Get<ServiceRouter>("api").Spec.Routes!;
        Assert.Equal(("api", null), (routes[0].Destination!.Service, routes[0].Destination!.ServiceSubset));
        Assert.Null(routes[1].Match);
        Assert.Equal("api-api-1", routes[1].Destination!.Service);
        Assert.Equal([50m, 50m], export.Get<ServiceSplitter>("api-api-1").Spec.Splits!.Select(s => s.Weight!.Value));
    }

    [Fact]
    public void MatchedSplit_GoesThroughAVirtualServiceSplitter()
    {
        var canary = new HttpRouteRule { Matches = [new HttpMatch { Headers = [ValueMatch.Exact("x-canary", "1")] }], Backends = [To("v1", 1), To("v2", 1)], Timeout = TimeSpan.FromSeconds(2) };
        var rest = new HttpRouteRule { Backends = [To("v1")] };
        var export = new Exported(Shop(Route("api", canary, rest)));
        var routes = export.Get<ServiceRouter>("api").Spec.Routes!;
        Assert.Equal(("api-api-0", "2s"), (routes[0].Destination!.Service, routes[0].Destination!.RequestTimeout));
        var splitter = export.Get<ServiceSplitter>("api-api-0");
        Assert.Equal([50m, 50m], splitter.Spec.Splits!.Select(s => s.Weight!.Value));
        Assert.Equal("http", export.Get<ServiceDefaults>("api-api-0").Spec.Protocol);
        Assert.Equal("api/api/0", splitter.Metadata.Annotations!["mesh-sdk.io/split-of"]);
    }

    [Theory]
    [InlineData(new[] { 1, 1, 1 })]
    [InlineData(new[] { 1, 1, 1, 1, 1, 1, 1 })]
    [InlineData(new[] { 1, 100000 })]
    [InlineData(new[] { 3, 7, 11, 13 })]
    public void Percentages_SumTo100_InHundredths_AndNoneIsZero(int[] weights)
    {
        var (percentages, _) = SplitWeights.ToPercentages(weights);
        Assert.Equal(100m, percentages.Sum());
        Assert.All(percentages, p => Assert.True(p >= 0.01m && decimal.Round(p, 2) == p, p.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Subsets_AreResolverFiltersOnServiceMeta_WithTheLabelsAnnotated()
    {
        var model = Shop() with
        {
            Services = [ApiService with { Subsets = [new Subset { Name = "canary", Labels = new Dictionary<string, string> { ["version"] = "v2", ["track"] = "canary", ["app.kubernetes.io/x"] = "y" } }] }],
        };
        var export = new Exported(model);
        var resolver = export.Get<ServiceResolver>("api");
        Assert.Equal("Service.Meta[\"app.kubernetes.io/x\"] == \"y\" and Service.Meta.track == \"canary\" and Service.Meta.version == \"v2\"", resolver.Spec.Subsets!["canary"].Filter);
        Assert.Equal("canary=app.kubernetes.io/x=y,track=canary,version=v2", resolver.Metadata.Annotations!["mesh-sdk.io/subset-labels"]);
        Assert.True(export.Has(DiagnosticCodes.TranslationNote, "$.spec.services[0].subsets"));
        Assert.True(export.Has(DiagnosticCodes.Approximated, "$.spec.services[0].subsets[0].labels"));
    }
}

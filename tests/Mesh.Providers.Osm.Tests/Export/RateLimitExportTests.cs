using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Osm.Mapping;
using Mesh.Providers.Osm.Resources;
using static Mesh.Providers.Osm.Tests.Export.Models;

namespace Mesh.Providers.Osm.Tests.Export;

/// <summary>Rate limits as the UpstreamTrafficSetting's <c>rateLimit.local.http</c> and <c>httpRoutes</c>.</summary>
public sealed class RateLimitExportTests
{
    private static MeshConfig With(LocalRateLimit limit) => new()
    {
        Name = "limits",
        Services = [BookstoreService()],
        DestinationPolicies = [new DestinationPolicy { Target = new PolicyTarget { Service = Bookstore }, RateLimit = limit }],
    };

    [Fact]
    public void ARateLimit_IsTheSettingsLocalHttpLimit_WithBurstAboveTheRate_AndPathsAsRegexes()
    {
        var limit = new LocalRateLimit
        {
            Requests = 100,
            Interval = TimeSpan.FromMinutes(1),
            Burst = 150,
            Status = 503,
            Routes = [new RouteRateLimit { Path = PathMatch.Exact("/books.json"), Requests = 5 }, new RouteRateLimit { Path = PathMatch.Prefix("/api"), Requests = 10, Interval = TimeSpan.FromHours(1), Burst = 12 }],
        };
        var export = new Exported(With(limit));

        var setting = Assert.Single(export.All<UpstreamTrafficSetting>());
        Assert.Null(setting.Spec.ConnectionSettings);
        var http = setting.Spec.RateLimit!.Local!.Http!;
        // OSM's burst is what the bucket holds above one unit's requests: 150 - 100.
        Assert.Equal((100, "minute", 50, 503), (http.Requests!.Value, http.Unit!, http.Burst!.Value, http.ResponseStatusCode!.Value));
        Assert.Equal([@"/books\.json", "/api.*"], setting.Spec.HttpRoutes!.Select(r => r.Path));
        var api = setting.Spec.HttpRoutes![1].RateLimit!.Local!;
        Assert.Equal((10, "hour", 2, 503), (api.Requests!.Value, api.Unit!, api.Burst!.Value, api.ResponseStatusCode!.Value));
        Assert.Null(setting.Spec.HttpRoutes![0].RateLimit!.Local!.Burst);
        export.NoWarnings();

        var back = export.Translator.ImportYaml(export.Yaml, "back.yaml");
        Assert.Equal(limit, Assert.Single(back.Config!.DestinationPolicies).RateLimit);
    }

    [Fact]
    public void AnIntervalWithoutAUnit_IsTheSameRateInTheNearestUnit_Approximated()
    {
        var export = new Exported(With(new LocalRateLimit { Requests = 5, Interval = TimeSpan.FromMilliseconds(100) }));

        var http = Assert.Single(export.All<UpstreamTrafficSetting>()).Spec.RateLimit!.Local!.Http!;
        Assert.Equal((50, "second", (int?)null), (http.Requests!.Value, http.Unit!, http.Burst));
        Assert.Equal(DiagnosticSeverity.Warning, export.At(DiagnosticCodes.Approximated, "$.spec.destinationPolicies[0].rateLimit.interval").Severity);
    }

    [Theory]
    [InlineData(PathMatchKind.Exact, "/a.b", @"/a\.b")]
    [InlineData(PathMatchKind.Prefix, "/v1/", "/v1/.*")]
    [InlineData(PathMatchKind.Regex, "/r/[0-9]+", "/r/[0-9]+")]
    [InlineData(PathMatchKind.Regex, "/x.*y", "/x.*y")]
    public void RoutePaths_AreFullMatchRegexes_ReadBackAsTheirForm(PathMatchKind kind, string value, string regex)
    {
        var path = new PathMatch(kind, value);
        Assert.Equal(regex, RateLimitMapping.Regex(path));
        Assert.Equal(path, RateLimitMapping.Path(regex));
    }
}

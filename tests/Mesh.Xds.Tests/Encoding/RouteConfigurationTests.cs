using Envoy.Config.Core.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Http.Fault.V3;
using Envoy.Type.V3;
using Google.Protobuf.WellKnownTypes;
using Mesh.Model;
using static Mesh.Xds.Tests.Samples;

namespace Mesh.Xds.Tests.Encoding;

public sealed class RouteConfigurationTests
{
    private static VirtualHost Host(XdsSnapshot snapshot, string config, string name) =>
        Single<RouteConfiguration>(snapshot, XdsResourceType.RouteConfiguration, config).VirtualHosts.Single(v => v.Name == name);

    [Fact]
    public void Sidecar_GetsOneRouteConfigurationPerPort_WithAVirtualHostPerService()
    {
        var configs = Decode<RouteConfiguration>(Build(), XdsResourceType.RouteConfiguration);
        Assert.Equal(["50051", "9080"], configs.Select(c => c.Name));
        // Then the outbound scope's catch-all: no outbound policy is allow-any.
        Assert.Equal(["ratings.bookinfo.svc.cluster.local:9080", "reviews.bookinfo.svc.cluster.local:9080", "allow_any"], configs[1].VirtualHosts.Select(v => v.Name));
    }

    [Fact]
    public void VirtualHost_ListsTheDomainsSidecarsUse_ShortNameOnlyInTheProxyNamespace()
    {
        var snapshot = Build();
        Assert.Equal(
        [
            "reviews", "reviews:9080", "reviews.bookinfo", "reviews.bookinfo:9080", "reviews.bookinfo.svc", "reviews.bookinfo.svc:9080",
            "reviews.bookinfo.svc.cluster.local", "reviews.bookinfo.svc.cluster.local:9080",
        ], Host(snapshot, "9080", "reviews.bookinfo.svc.cluster.local:9080").Domains);
        Assert.DoesNotContain("greeter", Host(snapshot, "50051", "greeter.grpc.svc.cluster.local:50051").Domains);
    }

    [Fact]
    public void HeaderRule_RoutesToTheSubsetCluster_WithTheConsistentHashPolicy()
    {
        var route = Host(Build(), "9080", "reviews.bookinfo.svc.cluster.local:9080").Routes[0];
        Assert.Equal("bookinfo.reviews.0.0", route.Name);
        Assert.Equal("/", route.Match.Prefix);
        var header = Assert.Single(route.Match.Headers);
        Assert.Equal("end-user", header.Name);
        Assert.Equal("jason", header.StringMatch.Exact);
        Assert.Equal("outbound|9080|v2|reviews.bookinfo.svc.cluster.local", route.Route_.Cluster);
        Assert.Equal("x-user", Assert.Single(route.Route_.HashPolicy).Header.HeaderName);
    }

    [Fact]
    public void WeightedRule_EncodesSplitTimeoutRetryMirrorAndHeaders()
    {
        var route = Host(Build(), "9080", "reviews.bookinfo.svc.cluster.local:9080").Routes[1];
        Assert.Equal("/api", route.Match.Prefix);
        var method = Assert.Single(route.Match.Headers);
        Assert.Equal(":method", method.Name);
        Assert.Equal("GET", method.StringMatch.Exact);
        var action = route.Route_;
        Assert.Equal(
            [("outbound|9080|v1|reviews.bookinfo.svc.cluster.local", 75u), ("outbound|9080|v3|reviews.bookinfo.svc.cluster.local", 25u)],
            action.WeightedClusters.Clusters.Select(c => (c.Name, c.Weight!.Value)));
        Assert.Equal(Duration.FromTimeSpan(TimeSpan.FromSeconds(10)), action.Timeout);
        Assert.Null(action.MaxStreamDuration);
        Assert.Equal("5xx,connect-failure,retriable-status-codes", action.RetryPolicy.RetryOn);
        Assert.Equal(3u, action.RetryPolicy.NumRetries);
        Assert.Equal(Duration.FromTimeSpan(TimeSpan.FromMilliseconds(2500)), action.RetryPolicy.PerTryTimeout);
        Assert.Equal([503u], action.RetryPolicy.RetriableStatusCodes);
        Assert.Equal(Duration.FromTimeSpan(TimeSpan.FromMilliseconds(25)), action.RetryPolicy.RetryBackOff.BaseInterval);
        Assert.Equal(Duration.FromTimeSpan(TimeSpan.FromMilliseconds(250)), action.RetryPolicy.RetryBackOff.MaxInterval);
        var mirror = Assert.Single(action.RequestMirrorPolicies);
        Assert.Equal("outbound|9080|v3|reviews.bookinfo.svc.cluster.local", mirror.Cluster);
        Assert.Equal(new FractionalPercent { Numerator = 125_000, Denominator = FractionalPercent.Types.DenominatorType.Million }, mirror.RuntimeFraction.DefaultValue);
        Assert.Equal(
            [("x-env", "prod", HeaderValueOption.Types.HeaderAppendAction.OverwriteIfExistsOrAdd), ("x-trace", "1", HeaderValueOption.Types.HeaderAppendAction.AppendIfExistsOrAdd)],
            route.RequestHeadersToAdd.Select(h => (h.Header.Key, h.Header.Value, h.AppendAction)));
        Assert.Equal(["x-debug"], route.RequestHeadersToRemove);
        Assert.Equal(["server"], route.ResponseHeadersToRemove);
    }

    [Fact]
    public void StatusCodesWithoutRetriableStatusCodes_AreNotSent_AsTheModelAndItsValidatorSay()
    {
        var config = Bookinfo();
        var rule = config.Routes[0].Rules[1];
        config = config with { Routes = [config.Routes[0] with { Rules = [config.Routes[0].Rules[0], rule with { Retry = rule.Retry! with { On = [RetryCondition.ServerError] } }] }, config.Routes[1]] };
        var result = new XdsEncoder().Build(config, SampleEndpoints(), Sidecar);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((Mesh.Diagnostics.DiagnosticCodes.RetryStatusCodes, "$.spec.routes[0].rules[1].retry.statusCodes"), (warning.Code, warning.Path));
        var retry = Host(result.Snapshot!, "9080", "reviews.bookinfo.svc.cluster.local:9080").Routes[1].Route_.RetryPolicy;
        Assert.Equal("5xx", retry.RetryOn);
        Assert.Empty(retry.RetriableStatusCodes);
    }

    [Fact]
    public void HostWithoutCatchAll_EndsWithADefaultRouteToTheWholeService()
    {
        var routes = Host(Build(), "9080", "reviews.bookinfo.svc.cluster.local:9080").Routes;
        var last = routes[^1];
        Assert.Equal("default", last.Name);
        Assert.Equal("/", last.Match.Prefix);
        Assert.Empty(last.Match.Headers);
        Assert.Equal("outbound|9080||reviews.bookinfo.svc.cluster.local", last.Route_.Cluster);
        Assert.All(routes, r => Assert.NotNull(r.Match));
    }

    [Fact]
    public void FaultRule_CarriesHttpFaultAsPerRouteConfig_AndRegexQueryAndRewrite()
    {
        var route = Host(Build(), "9080", "ratings.bookinfo.svc.cluster.local:9080").Routes[0];
        Assert.Equal("^/ratings/[0-9]+$", route.Match.SafeRegex.Regex);
        var query = Assert.Single(route.Match.QueryParameters);
        Assert.Equal("debug", query.Name);
        Assert.True(query.PresentMatch);
        Assert.Equal("/v2/ratings", route.Route_.PrefixRewrite);
        Assert.Equal("ratings.internal", route.Route_.HostRewriteLiteral);
        var any = route.TypedPerFilterConfig["envoy.filters.http.fault"];
        Assert.Equal("type.googleapis.com/envoy.extensions.filters.http.fault.v3.HTTPFault", any.TypeUrl);
        var fault = any.Unpack<HTTPFault>();
        Assert.Equal(Duration.FromTimeSpan(TimeSpan.FromSeconds(2)), fault.Delay.FixedDelay);
        Assert.Equal(new FractionalPercent { Numerator = 10 }, fault.Delay.Percentage);
        Assert.Equal(503u, fault.Abort.HttpStatus);
        Assert.Equal(new FractionalPercent { Numerator = 5000, Denominator = FractionalPercent.Types.DenominatorType.Million }, fault.Abort.Percentage);
    }

    [Fact]
    public void RedirectRule_BecomesARedirectAction()
    {
        var route = Host(Build(), "9080", "ratings.bookinfo.svc.cluster.local:9080").Routes[1];
        Assert.Equal("/old", route.Match.Path);
        Assert.Null(route.Route_);
        Assert.Equal("/new", route.Redirect.PathRedirect);
        Assert.Equal("https", route.Redirect.SchemeRedirect);
        Assert.Equal(8443u, route.Redirect.PortRedirect);
        Assert.Equal(RedirectAction.Types.RedirectResponseCode.PermanentRedirect, route.Redirect.ResponseCode);
    }

    [Fact]
    public void HeaderMatchKinds_MapToStringMatchPresentAndInvert()
    {
        var config = Bookinfo() with
        {
            Routes =
            [
                new HttpRoute
                {
                    Name = "r", Namespace = "bookinfo", Host = Ratings,
                    Rules = [new HttpRouteRule { Matches = [new HttpMatch { Headers = [ValueMatch.Prefix("a", "x"), ValueMatch.Regex("b", "y+"), ValueMatch.Present("c"), ValueMatch.Absent("d")] }], Backends = [new WeightedBackend { Service = Ratings }] }],
                },
            ],
        };
        var headers = Host(Build(config), "9080", "ratings.bookinfo.svc.cluster.local:9080").Routes[0].Match.Headers;
        Assert.Equal("x", headers[0].StringMatch.Prefix);
        Assert.Equal("y+", headers[1].StringMatch.SafeRegex.Regex);
        Assert.True(headers[2].PresentMatch);
        Assert.False(headers[2].InvertMatch);
        Assert.True(headers[3].PresentMatch);
        Assert.True(headers[3].InvertMatch);
    }

    [Fact]
    public void EmptyPrefixesAndRegexes_AreEncodedAsPresence_WhichEnvoyAccepts()
    {
        var config = Bookinfo() with
        {
            Routes =
            [
                new HttpRoute
                {
                    Name = "r", Namespace = "bookinfo", Host = Ratings,
                    Rules = [new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Regex(""), Headers = [ValueMatch.Prefix("a", ""), ValueMatch.Regex("b", "")], QueryParams = [ValueMatch.Prefix("q", "")] }], Backends = [new WeightedBackend { Service = Ratings }] }],
                },
            ],
        };
        var match = Host(Build(config), "9080", "ratings.bookinfo.svc.cluster.local:9080").Routes[0].Match;
        Assert.Equal("/", match.Prefix);
        Assert.All(match.Headers, h => Assert.True(h.PresentMatch));
        Assert.True(match.QueryParameters[0].PresentMatch);
    }

    [Fact]
    public void FullPathRewrite_IsARegexRewriteOfTheWholePath()
    {
        var config = Bookinfo() with
        {
            Routes = [new HttpRoute { Name = "r", Namespace = "bookinfo", Host = Ratings, Rules = [new HttpRouteRule { Rewrite = new Rewrite { FullPath = "/health" }, Backends = [new WeightedBackend { Service = Ratings }] }] }],
        };
        var route = Host(Build(config), "9080", "ratings.bookinfo.svc.cluster.local:9080").Routes.Single();
        Assert.Equal("^/.*$", route.Route_.RegexRewrite.Pattern.Regex);
        Assert.Equal("/health", route.Route_.RegexRewrite.Substitution);
    }

    [Fact]
    public void Proxyless_GetsOneRouteConfigurationPerServicePort_WhoseOnlyDomainIsTheTargetName()
    {
        var configs = Decode<RouteConfiguration>(Build(proxy: Proxyless), XdsResourceType.RouteConfiguration);
        var greeter = configs.Single(c => c.Name == "greeter.grpc.svc.cluster.local:50051");
        var host = Assert.Single(greeter.VirtualHosts);
        Assert.Equal(["greeter.grpc.svc.cluster.local:50051"], host.Domains);
    }

    [Fact]
    public void Proxyless_TimeoutIsAlsoTheMaxStreamDuration_WhichIsTheDeadlineGrpcClientsApply()
    {
        var reviews = Decode<RouteConfiguration>(Build(proxy: Proxyless), XdsResourceType.RouteConfiguration)
            .Single(c => c.Name == "reviews.bookinfo.svc.cluster.local:9080").VirtualHosts.Single().Routes;
        var timed = reviews.Single(r => r.Route_?.Timeout is not null).Route_;
        Assert.Equal(Duration.FromTimeSpan(TimeSpan.FromSeconds(10)), timed.Timeout);
        Assert.Equal(Duration.FromTimeSpan(TimeSpan.FromSeconds(10)), timed.MaxStreamDuration.MaxStreamDuration_);
        Assert.All(reviews.Where(r => r.Route_ is { Timeout: null }), r => Assert.Null(r.Route_.MaxStreamDuration));
    }
}

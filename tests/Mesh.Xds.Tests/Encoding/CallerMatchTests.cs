using Envoy.Config.Route.V3;
using Mesh.Model;
using static Mesh.Xds.Tests.Samples;

namespace Mesh.Xds.Tests.Encoding;

/// <summary>
/// Matches on the caller and the port: the configuration is for one proxy, so a match whose source namespace or labels the
/// proxy does not meet is left out (a rule with no match left is left out), and a match's port selects the route
/// configuration of that port.
/// </summary>
public sealed class CallerMatchTests
{
    private const string ReviewsHost = "reviews.bookinfo.svc.cluster.local:9080";

    private static MeshConfig WithFirstMatch(Func<HttpMatch, HttpMatch> change)
    {
        var config = Bookinfo();
        var route = config.Routes[0];
        var rule = route.Rules[0];
        HttpRouteRule[] rules = [rule with { Matches = [change(rule.Matches[0])] }, .. route.Rules.Skip(1)];
        return config with { Routes = [route with { Rules = [.. rules] }, .. config.Routes.Skip(1)] };
    }

    private static List<string> RouteNames(XdsSnapshot snapshot, string config, string host) =>
        [.. Single<RouteConfiguration>(snapshot, XdsResourceType.RouteConfiguration, config).VirtualHosts.Single(v => v.Name == host).Routes.Select(r => r.Name)];

    [Fact]
    public void MatchForAnotherNamespace_IsLeftOut_WithItsRule()
    {
        var snapshot = Build(WithFirstMatch(m => m with { SourceNamespace = "shop" }));

        Assert.Equal(["bookinfo.reviews.1.0", "default"], RouteNames(snapshot, "9080", ReviewsHost));
    }

    [Fact]
    public void MatchForTheProxysNamespaceAndLabels_IsKept_WithTheRequestConditionsOnly()
    {
        var proxy = Sidecar with { Labels = new Dictionary<string, string> { ["app"] = "productpage", ["version"] = "v1" } };
        var snapshot = Build(WithFirstMatch(m => m with { SourceNamespace = "bookinfo", SourceLabels = new Dictionary<string, string> { ["app"] = "productpage" } }), proxy: proxy);

        Assert.Equal(["bookinfo.reviews.0.0", "bookinfo.reviews.1.0", "default"], RouteNames(snapshot, "9080", ReviewsHost));
        var route = Single<RouteConfiguration>(snapshot, XdsResourceType.RouteConfiguration, "9080").VirtualHosts.Single(v => v.Name == ReviewsHost).Routes[0];
        Assert.Equal("end-user", Assert.Single(route.Match.Headers).Name);
    }

    [Fact]
    public void MatchForLabelsTheProxyLacks_IsLeftOut()
    {
        var proxy = Sidecar with { Labels = new Dictionary<string, string> { ["app"] = "productpage" } };
        var snapshot = Build(WithFirstMatch(m => m with { SourceLabels = new Dictionary<string, string> { ["app"] = "productpage", ["version"] = "v2" } }), proxy: proxy);

        Assert.Equal(["bookinfo.reviews.1.0", "default"], RouteNames(snapshot, "9080", ReviewsHost));
    }

    [Fact]
    public void MatchOnAPort_IsInThatPortsRouteConfigurationOnly()
    {
        var config = WithFirstMatch(m => m with { Port = 9081 });
        config = config with
        {
            Services = [config.Services[0] with { Ports = [new ServicePort { Port = 9080, Protocol = Protocol.Http }, new ServicePort { Port = 9081, Protocol = Protocol.Http }] }, .. config.Services.Skip(1)],
        };
        var snapshot = Build(config);

        Assert.Equal(["bookinfo.reviews.1.0", "default"], RouteNames(snapshot, "9080", ReviewsHost));
        Assert.Equal(["bookinfo.reviews.0.0", "bookinfo.reviews.1.0", "default"], RouteNames(snapshot, "9081", "reviews.bookinfo.svc.cluster.local:9081"));
    }

    [Fact]
    public void MatchOnTheCallerOnly_ThatHolds_MatchesEveryRequest()
    {
        var snapshot = Build(WithFirstMatch(_ => new HttpMatch { SourceNamespace = "bookinfo" }));

        // The rule matches every request of this proxy: the rules after it and the default route are unreachable.
        var name = Assert.Single(RouteNames(snapshot, "9080", ReviewsHost));
        Assert.Equal("bookinfo.reviews.0.0", name);
    }
}

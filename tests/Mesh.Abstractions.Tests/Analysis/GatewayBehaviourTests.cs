using Mesh.Analysis;
using Mesh.Model;

namespace Mesh.Abstractions.Tests.Analysis;

/// <summary>Examples of <see cref="MeshBehaviour"/> at gateways: a rule per gateway (or listener) and host name, compared like mesh rules.</summary>
public sealed class GatewayBehaviourTests
{
    private static readonly MeshService Reviews = new()
    {
        Name = "reviews",
        Namespace = "bookinfo",
        Ports = [new ServicePort { Port = 9080, Protocol = Protocol.Http }],
        Subsets = [new Subset { Name = "v1", Labels = [new("version", "v1")] }, new Subset { Name = "v2", Labels = [new("version", "v2")] }],
    };

    private static readonly GatewayRef Public = new() { Name = "public", Namespace = "edge" };

    private static WeightedBackend To(string subset, int weight) => new() { Service = new("reviews", "bookinfo"), Subset = subset, Weight = weight, Port = 9080 };

    private static GatewayRoute Route(string name, string[] hostnames, params WeightedBackend[] backends) => new()
    {
        Name = name,
        Namespace = "edge",
        Gateways = [Public],
        Hostnames = [.. hostnames],
        Rules = [new HttpRouteRule { Backends = [.. backends] }],
    };

    private static MeshConfig Model(params GatewayRoute[] routes) => new() { Name = "m", Services = [Reviews], GatewayRoutes = [.. routes] };

    [Fact]
    public void GatewayRoute_IsOneRulePerHostName_WithItsSplit()
    {
        var rules = MeshBehaviour.Of(Model(Route("shop", ["Shop.example.com", "www.example.com"], To("v1", 90), To("v2", 10)))).Rules;

        Assert.Equal(["shop.example.com", "www.example.com"], rules.Select(r => r.Hostname));
        var rule = rules[0];
        Assert.Equal((RuleKind.Gateway, Public, "gateway edge/public shop.example.com [*] #0"), (rule.Kind, rule.Gateway, rule.Key));
        Assert.Equal("gateway edge/public shop.example.com rule [*]", rule.Title);
        Assert.Equal("$.spec.gatewayRoutes[0].rules[0]", rule.Path);
        Assert.Equal([new Share(9, 10), new Share(1, 10)], rule.Destinations.Select(d => d.Share));
    }

    [Fact]
    public void SplittingARouteByHostName_OrSpellingEveryHostAsStar_IsNoChange()
    {
        var one = Model(Route("shop", ["shop.example.com", "www.example.com"], To("v1", 1)));
        var two = Model(Route("a", ["shop.example.com"], To("v1", 1)), Route("b", ["WWW.example.com"], To("v1", 5)));
        Assert.Empty(MeshBehaviour.Of(one).CompareTo(MeshBehaviour.Of(two)));

        var star = Model(Route("all", ["*"], To("v1", 1)));
        var none = Model(Route("all", [], To("v1", 1)));
        Assert.Empty(MeshBehaviour.Of(star).CompareTo(MeshBehaviour.Of(none)));
    }

    [Fact]
    public void ACanaryMovedAtTheGateway_IsAChange_NamingTheGatewayAndHost()
    {
        var before = MeshBehaviour.Of(Model(Route("shop", ["shop.example.com"], To("v1", 90), To("v2", 10))));
        var after = MeshBehaviour.Of(Model(Route("shop", ["shop.example.com"], To("v1", 50), To("v2", 50))));

        var change = Assert.Single(before.CompareTo(after));
        Assert.StartsWith("gateway edge/public shop.example.com rule [*]: ", change.Message, StringComparison.Ordinal);
        Assert.Contains("90% → 50%", change.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARouteBoundToOneListener_IsNotTheRouteOfTheWholeGateway()
    {
        var whole = Model(Route("shop", ["shop.example.com"], To("v1", 1)));
        var listener = whole with { GatewayRoutes = [whole.GatewayRoutes[0] with { Gateways = [Public with { Listener = "https" }] }] };

        var changes = MeshBehaviour.Of(whole).CompareTo(MeshBehaviour.Of(listener));
        Assert.Equal(2, changes.Count);
        Assert.Contains(changes, c => c.After is null && c.Before!.Gateway == Public);
        Assert.Contains(changes, c => c.Before is null && c.After!.Key == "gateway edge/public#https shop.example.com [*] #0");
    }

    [Fact]
    public void TlsAndTcpRoutes_AreRulesOfTheirGateway()
    {
        var config = Model() with
        {
            GatewayTlsRoutes = [new GatewayTlsRoute { Name = "db", Namespace = "edge", Gateways = [Public], Hostnames = ["db.example.com"], Backends = [To("v1", 1)] }],
            GatewayTcpRoutes = [new GatewayTcpRoute { Name = "raw", Namespace = "edge", Gateways = [Public with { Listener = "tcp" }], Backends = [To("v1", 3), To("v2", 1)] }],
        };

        var rules = MeshBehaviour.Of(config).Rules;
        var tls = Assert.Single(rules, r => r.Kind == RuleKind.GatewayTls);
        Assert.Equal(("gateway-tls edge/public db.example.com #0", "gateway edge/public tls db.example.com"), (tls.Key, tls.Title));
        var tcp = Assert.Single(rules, r => r.Kind == RuleKind.GatewayTcp);
        Assert.Equal(("gateway-tcp edge/public#tcp #0", "gateway edge/public#tcp tcp", (string?)null), (tcp.Key, tcp.Title, tcp.Hostname));
        Assert.Equal([new Share(3, 4), new Share(1, 4)], tcp.Destinations.Select(d => d.Share));
    }
}

using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Translation;
using HttpRouteResource = Mesh.Providers.GatewayApi.Resources.HttpRoute;

namespace Mesh.Providers.GatewayApi.Tests.Export;

/// <summary>
/// Gateway API matches have no port and no caller: a route whose matches all name one port of its Service is attached to
/// that port only (parentRefs[].port, approximated); other port conditions and every caller condition are reported, each at
/// its path.
/// </summary>
public sealed class MatchPortTests
{
    private static readonly GatewayApiTranslator Translator = new();

    private static readonly ServiceRef Reviews = new("reviews", "bookinfo");

    /// <summary>reviews serves HTTP on 9080 and 9090; one route with <paramref name="rules"/>.</summary>
    private static MeshConfig Model(params HttpRouteRule[] rules) => new()
    {
        Name = "imported",
        Services =
        [
            new MeshService
            {
                Name = "reviews", Namespace = "bookinfo",
                Ports = [new ServicePort { Name = "http", Port = 9080, Protocol = Protocol.Http }, new ServicePort { Name = "admin", Port = 9090, Protocol = Protocol.Http }],
            },
        ],
        Routes = [new HttpRoute { Name = "reviews", Namespace = "bookinfo", Host = Reviews, Rules = [.. rules] }],
    };

    private static HttpRouteRule Rule(params HttpMatch[] matches) => new() { Matches = [.. matches], Backends = [new WeightedBackend { Service = Reviews, Port = 9080 }] };

    [Fact]
    public void EveryMatchOnOnePort_AttachesTheRouteToThatPortOnly()
    {
        var result = Translator.Translate(Model(Rule(new HttpMatch { Path = PathMatch.Prefix("/admin"), Port = 9090 }), Rule(new HttpMatch { Method = "GET", Port = 9090 })));

        var route = Assert.Single(result.Resources.OfType<HttpRouteResource>());
        Assert.Equal([9090], route.Spec.ParentRefs!.Select(p => p.Port!.Value));
        var d = Assert.Single(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Equal(DiagnosticCodes.Approximated, d.Code);
        Assert.Equal("$.spec.routes[0]", d.Path);
    }

    [Fact]
    public void MatchesOnDifferentPorts_AreReported_AndTheRouteKeepsEveryPort()
    {
        var result = Translator.Translate(Model(Rule(new HttpMatch { Path = PathMatch.Prefix("/api"), Port = 9090 }), Rule(new HttpMatch { Path = PathMatch.Exact("/web") })));

        var route = Assert.Single(result.Resources.OfType<HttpRouteResource>());
        Assert.Equal([9080, 9090], route.Spec.ParentRefs!.Select(p => p.Port!.Value));
        var d = Assert.Single(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Equal(DiagnosticCodes.Unsupported, d.Code);
        Assert.Equal("$.spec.routes[0].rules[0].matches[0].port", d.Path);
    }

    [Fact]
    public void CallerConditions_AreReported_AtTheirPaths()
    {
        var result = Translator.Translate(Model(Rule(new HttpMatch { Path = PathMatch.Prefix("/api"), SourceNamespace = "shop", SourceLabels = [new("app", "web")] })));

        Assert.Equal(
            ["$.spec.routes[0].rules[0].matches[0].sourceLabels", "$.spec.routes[0].rules[0].matches[0].sourceNamespace"],
            result.Diagnostics.Where(d => d.Code == DiagnosticCodes.Unsupported).Select(d => d.Path).Order(StringComparer.Ordinal));
    }
}

using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Consul.Tests.Export;
using Mesh.Translation;
using Mesh.Validation;
using static Mesh.Providers.Consul.Tests.Export.Models;

namespace Mesh.Providers.Consul.Tests.Import;

/// <summary>Discovery chains → routes: the export's annotations make the round trip exact; hand-written chains; webhook rules.</summary>
public sealed class RouteImportTests
{
    private static ImportResult Read(string yaml) => new ConsulTranslator().ImportYaml(yaml, "x.yaml");

    private static ImportResult ReadValid(string yaml)
    {
        var result = Read(yaml);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(MeshValidator.Validate(result.Config!), d => d.IsError);
        return result;
    }

    private static ImportResult RoundTrip(MeshConfig model) => ReadValid(new Exported(model).Yaml);

    private const string Http = """
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ServiceDefaults
        metadata: { name: api, namespace: shop }
        spec: { protocol: http }
        ---

        """;

    [Fact]
    public void MatchesRetriesTimeoutsHeaders_RoundTrip()
    {
        var rule = new HttpRouteRule
        {
            Matches =
            [
                new HttpMatch { Path = new PathMatch(PathMatchKind.Prefix, "/v2"), Headers = [new ValueMatch("x-canary", ValueMatchKind.Exact, "")] },
                new HttpMatch { QueryParams = [new ValueMatch("q", ValueMatchKind.Prefix, "a.b")], Method = "POST" },
            ],
            Backends = [To("v2")],
            Timeout = TimeSpan.FromSeconds(3),
            Retry = new RetryPolicy { Attempts = 2, On = [RetryCondition.ServerError, RetryCondition.ConnectFailure] },
            RequestHeaders = new HeaderModifier { Set = new Dictionary<string, string> { ["x-a"] = "1" }, Remove = ["x-b"] },
        };
        var model = Shop(Route("api-route", rule, new HttpRouteRule { Backends = [To("v1")] }));
        var result = RoundTrip(model);
        var route = Assert.Single(result.Config!.Routes);
        Assert.Equal(("api-route", Api), (route.Name, route.Host));
        Assert.Equal(model.Normalize().Routes[0].Rules, route.Rules);
        var api = Assert.Single(result.Config.Services, s => s.Name == "api");
        Assert.Equal("v2", api.FindSubset("v2")!.Labels["version"]);
    }

    [Fact]
    public void WeightedSplits_OwnAndVirtual_FoldBackIntoRules()
    {
        var split = new HttpRouteRule { Matches = [new HttpMatch { Path = new PathMatch(PathMatchKind.Exact, "/x") }], Backends = [To("v1", 3), To("v2", 1)], Rewrite = new Rewrite { FullPath = "/y" } };
        var rest = new HttpRouteRule { Backends = [To("v1", 9), To("v2", 1)] };
        var model = Shop(Route("r", split, rest));
        var result = RoundTrip(model);
        var route = Assert.Single(result.Config!.Routes);
        Assert.Equal(model.Normalize().Routes[0].Rules, route.Rules);
        Assert.DoesNotContain(result.Config.Services, s => s.Name.StartsWith("api-r", StringComparison.Ordinal));
    }

    [Fact]
    public void RuleWithAnEmptyMatch_StillMatchesEverything()
    {
        // One match of the rule is unconditional: its Consul route has no match, and the rule read back matches everything.
        var rule = new HttpRouteRule { Matches = [new HttpMatch(), new HttpMatch { Headers = [ValueMatch.Exact("x-canary", "1")] }], Backends = [To("v1")] };
        var result = RoundTrip(Shop(Route("r", rule)));
        Assert.Empty(Assert.Single(Assert.Single(result.Config!.Routes).Rules).Matches);
    }

    [Fact]
    public void PrefixRewrite_WithoutPathMatch_RoundTrips()
    {
        var model = Shop(Route("r", new HttpRouteRule { Matches = [new HttpMatch { Headers = [new ValueMatch("h", ValueMatchKind.Present)] }], Backends = [To("v1")], Rewrite = new Rewrite { PathPrefix = "/new" } }));
        Assert.Equal(model.Normalize().Routes[0].Rules, Assert.Single(RoundTrip(model).Config!.Routes).Rules);
    }

    [Fact]
    public void HandWrittenChain_WithoutAnnotations_SubsetsFromFilters()
    {
        var result = ReadValid(Http + """
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceResolver
            metadata: { name: api, namespace: shop }
            spec:
              subsets:
                v1: { filter: 'Service.Meta.version == "v1"' }
                v2: { filter: 'Service.Meta.version == "v2" and Service.Meta["tier"] == "x"' }
            ---
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceSplitter
            metadata: { name: api, namespace: shop }
            spec:
              splits: [{ weight: 90, serviceSubset: v1 }, { weight: 10, serviceSubset: v2 }]
            ---
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceRouter
            metadata: { name: api, namespace: shop }
            spec:
              routes:
                - match: { http: { pathPrefix: /admin, methods: [GET, HEAD] } }
                  destination: { serviceSubset: v2, requestTimeout: 1s }
            """);
        var route = Assert.Single(result.Config!.Routes);
        Assert.Equal("api", route.Name);
        Assert.Equal(2, route.Rules.Count);
        Assert.Equal(["GET", "HEAD"], route.Rules[0].Matches.Select(m => m.Method!));
        Assert.Equal([("v1", 90), ("v2", 10)], route.Rules[1].Backends.Select(b => (b.Subset!, b.Weight)));
        var api = Assert.Single(result.Config.Services, s => s.Name == "api");
        Assert.Equal("x", api.FindSubset("v2")!.Labels["tier"]);
    }

    [Fact]
    public void OtherFilters_AreReported()
    {
        var result = Read(Http + """
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceResolver
            metadata: { name: api, namespace: shop }
            spec: { subsets: { v1: { filter: 'Service.Tags contains "v1"' } } }
            """);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path.EndsWith("$.spec.subsets.v1.filter", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("spec: { splits: [{ weight: 60, serviceSubset: v1 }, { weight: 30, serviceSubset: v2 }] }", "ServiceSplitter", true, "sum to 100")]
    [InlineData("spec: { splits: [{ weight: 100 }] }", "ServiceSplitter", false, "protocol")]
    [InlineData("spec: { routes: [{ match: { http: { pathPrefix: admin } } }] }", "ServiceRouter", true, "start with '/'")]
    [InlineData("spec: { routes: [{ match: { http: { methods: [get] } } }] }", "ServiceRouter", true, "upper-case")]
    [InlineData("spec: { routes: [{ match: { http: { pathExact: /a } } }] }", "ServiceRouter", false, "protocol")]
    public void WebhookRules_AreErrors(string spec, string kind, bool l7, string message)
    {
        var result = Read((l7 ? Http : Http.Replace("protocol: http", "protocol: tcp", StringComparison.Ordinal)) + $$"""
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: {{kind}}
            metadata: { name: api, namespace: shop }
            {{spec}}
            """);
        Assert.True(result.HasErrors);
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void ProxyDefaultsProtocol_AllowsARouter_AndTypesServicePorts()
    {
        var result = ReadValid("""
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ProxyDefaults
            metadata: { name: global, namespace: shop }
            spec: { config: { protocol: grpc } }
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: api, namespace: shop }
            spec: { selector: { app: api }, ports: [{ name: main, port: 9090 }] }
            ---
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceRouter
            metadata: { name: api, namespace: shop }
            spec: { routes: [{ match: { http: { pathPrefix: /pkg.Svc/ } }, destination: { service: api } }] }
            """);
        Assert.Single(result.Config!.Routes);
        Assert.Equal(Protocol.Grpc, Assert.Single(Assert.Single(result.Config.Services, s => s.Name == "api").Ports).Protocol);
    }

    [Fact]
    public void IngressGateway_IsOutOfScope()
    {
        var result = Read("""
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: IngressGateway
            metadata: { name: ingress-gateway }
            spec: { listeners: [] }
            """);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.OutOfScope && d.Message.Contains("API gateway", StringComparison.Ordinal));
        Assert.Empty(result.Config!.Gateways);
    }
}

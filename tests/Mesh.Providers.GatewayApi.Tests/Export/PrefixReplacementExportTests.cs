using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Conformance.Schema;
using Mesh.Providers.Conformance.Support;
using Mesh.Providers.GatewayApi.Resources;
using HttpRoute = Mesh.Model.HttpRoute;
using HttpRouteRule = Mesh.Model.HttpRouteRule;
using HttpRouteResource = Mesh.Providers.GatewayApi.Resources.HttpRoute;

namespace Mesh.Providers.GatewayApi.Tests.Export;

/// <summary>
/// A rewrite or redirect that replaces the matched path prefix: Gateway API allows ReplacePrefixMatch only in a rule with
/// exactly one PathPrefix match (an HTTPRoute CEL rule), so beside exact-path matches it is written as ReplaceFullPath and
/// beside other matches it is left out, each reported at the model's rewrite or redirect.
/// </summary>
public sealed class PrefixReplacementExportTests
{
    private static readonly GatewayApiTranslator Translator = new();

    private static readonly ServiceRef Reviews = new("reviews", "bookinfo");

    private static readonly WeightedBackend Backend = new() { Service = Reviews, Port = 9080 };

    private static MeshConfig Model(HttpRouteRule rule) => new()
    {
        Name = "prefix",
        Services = [new MeshService { Name = "reviews", Namespace = "bookinfo", Ports = [new ServicePort { Name = "http", Port = 9080, Protocol = Protocol.Http }] }],
        Routes = [new HttpRoute { Name = "reviews", Namespace = "bookinfo", Host = Reviews, Rules = [rule] }],
    };

    private static Resources.HttpRouteRule WrittenRule(MeshConfig model) =>
        Assert.Single(Translator.Translate(model).Resources.OfType<HttpRouteResource>().Single().Spec.Rules!);

    private static HttpMatch Path(PathMatch path) => new() { Path = path };

    /// <summary>The problems the API server would find in the routes written for <paramref name="model"/> (schema and CEL; leaf Services are core Services, not CRDs).</summary>
    private static List<string> ApiServerProblems(MeshConfig model)
    {
        var schemas = new CrdSchemaSet(new[] { "httproutes", "grpcroutes", "tcproutes" }.Select(k => ConformancePaths.Require($"crds/gateway-api/gateway.networking.k8s.io_{k}.yaml")).ToList());
        return [.. YamlJson.Documents(Translator.WriteYaml(Translator.Translate(model).Resources.Where(r => r is not Kubernetes.CoreService))).SelectMany(schemas.Validate)];
    }

    [Fact]
    public void PrefixRewrite_BesideOnePathPrefixMatch_IsReplacePrefixMatch_WithoutADiagnostic()
    {
        var model = Model(new HttpRouteRule { Matches = [Path(PathMatch.Prefix("/api"))], Backends = [Backend], Rewrite = new Rewrite { PathPrefix = "/v2" } });
        var filter = Assert.Single(WrittenRule(model).Filters!);
        Assert.Equal(("URLRewrite", "ReplacePrefixMatch", "/v2"), (filter.Type, filter.UrlRewrite!.Path!.Type, filter.UrlRewrite.Path.ReplacePrefixMatch));
        Assert.DoesNotContain(Translator.Translate(model).Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Empty(ApiServerProblems(model));
    }

    [Fact]
    public void PrefixRewrite_WithoutMatches_IsReplacePrefixMatch_TheApiServerDefaultsThePathPrefixMatch()
    {
        var model = Model(new HttpRouteRule { Backends = [Backend], Rewrite = new Rewrite { PathPrefix = "/v2" } });
        Assert.Equal("ReplacePrefixMatch", Assert.Single(WrittenRule(model).Filters!).UrlRewrite!.Path!.Type);
        Assert.Empty(ApiServerProblems(model));
    }

    [Fact]
    public void PrefixRewrite_BesideExactPathMatchesOnly_IsReplaceFullPath_Approximated()
    {
        var model = Model(new HttpRouteRule
        {
            Matches = [Path(PathMatch.Exact("/reviews/1")), Path(PathMatch.Exact("/reviews/2"))],
            Backends = [Backend],
            Rewrite = new Rewrite { PathPrefix = "/r" },
        });
        var path = Assert.Single(WrittenRule(model).Filters!).UrlRewrite!.Path!;
        Assert.Equal(("ReplaceFullPath", "/r", (string?)null), (path.Type, path.ReplaceFullPath, path.ReplacePrefixMatch));
        Assert.Contains(Translator.Translate(model).Diagnostics, d => d.Code == DiagnosticCodes.Approximated && d.Severity == DiagnosticSeverity.Warning && d.Path == "$.spec.routes[0].rules[0].rewrite");
        Assert.Empty(ApiServerProblems(model));
    }

    [Fact]
    public void PrefixRewrite_BesideARegexMatch_IsNotWritten_Unsupported()
    {
        var model = Model(new HttpRouteRule { Matches = [Path(PathMatch.Regex("^/reviews/[0-9]+$"))], Backends = [Backend], Rewrite = new Rewrite { PathPrefix = "/r" } });
        Assert.Null(WrittenRule(model).Filters);
        Assert.Contains(Translator.Translate(model).Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.routes[0].rules[0].rewrite");
        Assert.Empty(ApiServerProblems(model));
    }

    [Fact]
    public void PrefixRewrite_BesideTwoPrefixMatches_KeepsTheAuthorityRewrite_ButNotThePrefix()
    {
        var model = Model(new HttpRouteRule
        {
            Matches = [Path(PathMatch.Prefix("/a")), Path(PathMatch.Prefix("/b"))],
            Backends = [Backend],
            Rewrite = new Rewrite { PathPrefix = "/r", Authority = "internal.example" },
        });
        var rewrite = Assert.Single(WrittenRule(model).Filters!).UrlRewrite!;
        Assert.Equal(("internal.example", (HttpPathModifier?)null), (rewrite.Hostname, rewrite.Path));
        Assert.Contains(Translator.Translate(model).Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.routes[0].rules[0].rewrite");
        Assert.Empty(ApiServerProblems(model));
    }

    [Fact]
    public void PrefixRedirect_BesideAnExactMatch_IsReplaceFullPath_AndBesideARegexMatch_IsNotWritten()
    {
        var exact = Model(new HttpRouteRule { Matches = [Path(PathMatch.Exact("/old"))], Redirect = new Redirect { PathPrefix = "/new", Host = "example.com" } });
        var path = Assert.Single(WrittenRule(exact).Filters!).RequestRedirect!.Path!;
        Assert.Equal(("ReplaceFullPath", "/new"), (path.Type, path.ReplaceFullPath));
        Assert.Contains(Translator.Translate(exact).Diagnostics, d => d.Code == DiagnosticCodes.Approximated && d.Path == "$.spec.routes[0].rules[0].redirect");
        Assert.Empty(ApiServerProblems(exact));

        var regex = Model(new HttpRouteRule { Matches = [Path(PathMatch.Regex("^/old/.*$"))], Redirect = new Redirect { PathPrefix = "/new", Host = "example.com" } });
        var redirect = Assert.Single(WrittenRule(regex).Filters!).RequestRedirect!;
        Assert.Equal(("example.com", (HttpPathModifier?)null), (redirect.Hostname, redirect.Path));
        Assert.Contains(Translator.Translate(regex).Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.routes[0].rules[0].redirect");
        Assert.Empty(ApiServerProblems(regex));
    }

    /// <summary>The README's Bookinfo: the reviews rule with a regex path match and a prefix rewrite was an HTTPRoute the API server rejects.</summary>
    [Fact]
    public void Bookinfo_ReviewsRegexRuleWithPrefixRewrite_IsReported_AndTheHttpRouteIsAccepted()
    {
        var bookinfo = RepositorySamples.MeshYaml().Single(m => m.Name == "bookinfo");
        var result = Translator.Translate(bookinfo);
        var reviews = result.Resources.OfType<HttpRouteResource>().Single(r => r.Metadata.Name == "reviews");
        Assert.DoesNotContain(reviews.Spec.Rules![1].Filters ?? [], f => f.Type == "URLRewrite");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.routes[0].rules[1].rewrite");
        Assert.Empty(ApiServerProblems(bookinfo));
    }

    [Fact]
    public void CorsOrigins_WithAStarBesideOthers_AreWrittenAsTheStarAlone()
    {
        var model = Model(new HttpRouteRule { Backends = [Backend], Cors = new CorsPolicy { AllowOrigins = ["https://example.com", "*"] } });
        Assert.Equal(["*"], Assert.Single(WrittenRule(model).Filters!).Cors!.AllowOrigins!);
        Assert.Contains(Translator.Translate(model).Diagnostics, d => d.Code == DiagnosticCodes.TranslationNote && d.Severity == DiagnosticSeverity.Info && d.Path == "$.spec.routes[0].rules[0].cors.allowOrigins");
        Assert.Empty(ApiServerProblems(model));
    }
}

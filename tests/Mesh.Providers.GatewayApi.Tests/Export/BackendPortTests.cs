using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Conformance.Schema;
using Mesh.Providers.Conformance.Support;
using Mesh.Providers.GatewayApi.Mapping;
using Mesh.Translation;
using HttpRouteResource = Mesh.Providers.GatewayApi.Resources.HttpRoute;

namespace Mesh.Providers.GatewayApi.Tests.Export;

/// <summary>
/// A Service backendRef needs a port (the CRDs' CEL rule "Must have port for Service reference"), and parentRefs to several
/// ports of one Service need a sectionName each: a backend or mirror the model gives without a port takes its service's
/// only port, else the port the request came in on — the route's parent port, with one route per parent port when there
/// are several —, and is otherwise left out and reported; every object written passes the CRDs.
/// </summary>
public sealed class BackendPortTests
{
    private static readonly GatewayApiTranslator Translator = new();

    private static readonly ServiceRef Reviews = new("reviews", "bookinfo");

    private static readonly ServiceRef Ratings = new("ratings", "bookinfo");

    /// <summary>reviews serves HTTP on 9080 ("http") and 9090 ("admin") and has a subset v2; ratings serves <paramref name="ratingsPorts"/>.</summary>
    private static MeshConfig Model(HttpRouteRule rule, params int[] ratingsPorts) => new()
    {
        Name = "imported",
        Services =
        [
            new MeshService
            {
                Name = "reviews", Namespace = "bookinfo",
                Ports = [new ServicePort { Name = "http", Port = 9080, Protocol = Protocol.Http }, new ServicePort { Name = "admin", Port = 9090, Protocol = Protocol.Http }],
                Subsets = [new Subset { Name = "v2", Labels = new Dictionary<string, string> { ["version"] = "v2" } }],
            },
            new MeshService { Name = "ratings", Namespace = "bookinfo", Ports = [.. ratingsPorts.Select(p => new ServicePort { Port = p, Protocol = Protocol.Http })] },
        ],
        Routes = [new HttpRoute { Name = "reviews", Namespace = "bookinfo", Host = Reviews, Rules = [rule] }],
    };

    private static List<string> ApiServerProblems(TranslationResult result)
    {
        var schemas = new CrdSchemaSet(new[] { "httproutes", "grpcroutes", "tcproutes" }.Select(k => ConformancePaths.Require($"crds/gateway-api/gateway.networking.k8s.io_{k}.yaml")).ToList());
        return [.. YamlJson.Documents(Translator.WriteYaml(result.Resources.Where(r => r is not Kubernetes.CoreService))).SelectMany(schemas.Validate)];
    }

    [Fact]
    public void RouteOnSeveralPorts_NamesEachParentPortBySectionName_TheServicePortsName_AndIsReadBackWithTheNames()
    {
        var model = Model(new HttpRouteRule { Backends = [new WeightedBackend { Service = Reviews, Port = 9080 }] }, 8080);
        model = model with { Services = [model.Services[0] with { Subsets = [] }] };
        var result = Translator.Translate(model);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var route = Assert.Single(result.Resources.OfType<HttpRouteResource>());
        Assert.Equal([((int?)9080, "http"), (9090, "admin")], route.Spec.ParentRefs!.Select(p => (p.Port, p.SectionName)));
        Assert.Empty(ApiServerProblems(result));
        Assert.Equal(model.Normalize(), Translator.ImportYaml(Translator.WriteYaml(result.Resources), "in.yaml").Config);
    }

    [Fact]
    public void BackendWithoutPort_OnARouteOfOnePort_TakesTheParentPort()
    {
        var model = Model(new HttpRouteRule { Backends = [new WeightedBackend { Service = Ratings }] }, 9080, 7000) with
        {
            Services = [new MeshService { Name = "reviews", Namespace = "bookinfo", Ports = [new ServicePort { Port = 9080, Protocol = Protocol.Http }] }, new MeshService { Name = "ratings", Namespace = "bookinfo", Ports = [new ServicePort { Port = 9080, Protocol = Protocol.Http }, new ServicePort { Port = 7000, Protocol = Protocol.Http }] }],
        };
        var result = Translator.Translate(model);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.TranslationNote && d.Path == "$.spec.routes[0].rules[0].backends[0].port");
        Assert.Equal(9080, Assert.Single(Assert.Single(Assert.Single(result.Resources.OfType<HttpRouteResource>()).Spec.Rules!).BackendRefs!).Port);
        Assert.Empty(ApiServerProblems(result));
    }

    /// <summary>
    /// A subset of the host on both its ports, without a port: each request keeps its port, which one rule of one route cannot
    /// say, so the route is written once per port — and read back as the one route it was.
    /// </summary>
    [Fact]
    public void BackendWithoutPort_OnARouteOfTwoPorts_IsWrittenAsOneRoutePerPort_AndReadBackAsOne()
    {
        var model = Model(new HttpRouteRule
        {
            Matches = [new HttpMatch { Path = PathMatch.Prefix("/api") }],
            Backends = [new WeightedBackend { Service = Reviews, Subset = "v2", Weight = 3 }, new WeightedBackend { Service = Ratings, Weight = 1 }],
            Mirror = new Mirror { Service = Ratings, Percentage = 5 },
        }, 9080, 9090);
        var result = Translator.Translate(model);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.TranslationNote && d.Path == "$.spec.routes[0]" && d.Message.Contains("reviews-9080, reviews-9090", StringComparison.Ordinal));
        var routes = result.Resources.OfType<HttpRouteResource>().ToList();
        Assert.Equal(["reviews-9080", "reviews-9090"], routes.Select(r => r.Metadata.Name));
        foreach (var (route, port) in routes.Zip([9080, 9090]))
        {
            Assert.Equal("reviews", route.Metadata.Annotations![HttpRouteMapping.SplitOfAnnotation]);
            var parent = Assert.Single(route.Spec.ParentRefs!);
            Assert.Equal(((int?)port, (string?)null), (parent.Port, parent.SectionName));
            var rule = Assert.Single(route.Spec.Rules!);
            Assert.Equal([("reviews-v2", (int?)port, (int?)3), ("ratings", port, null)], rule.BackendRefs!.Select(b => (b.Name!, b.Port, b.Weight)));
            Assert.Equal(port, Assert.Single(rule.Filters!, f => f.Type == "RequestMirror").RequestMirror!.BackendRef!.Port);
        }
        Assert.Empty(ApiServerProblems(result));

        var back = Translator.ImportYaml(Translator.WriteYaml(result.Resources), "split.yaml");
        Assert.DoesNotContain(back.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var imported = Assert.Single(back.Config!.Routes);
        Assert.Equal(model.Normalize().Routes[0], imported);
    }

    /// <summary>A service with only one of the route's two ports: one route per port would route each port differently, so the backend is left out.</summary>
    [Fact]
    public void BackendWithoutPort_WhoseServiceHasOnlySomeParentPorts_IsLeftOut_AndReported()
    {
        var model = Model(new HttpRouteRule { Backends = [new WeightedBackend { Service = Reviews, Port = 9080, Weight = 1 }, new WeightedBackend { Service = Ratings, Weight = 1 }] }, 9080, 7000);
        var result = Translator.Translate(model);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.routes[0].rules[0].backends[1].port");
        var route = Assert.Single(result.Resources.OfType<HttpRouteResource>());
        Assert.Equal("reviews", Assert.Single(Assert.Single(route.Spec.Rules!).BackendRefs!).Name);
        Assert.Empty(ApiServerProblems(result));
    }

    [Fact]
    public void RuleWithNoBackendLeft_IsNotWritten_AndAMirrorWithoutAPort_IsLeftOut()
    {
        var model = Model(new HttpRouteRule { Backends = [new WeightedBackend { Service = Ratings }] }, 7000, 7001);
        model = model with
        {
            Routes = [model.Routes[0] with { Rules = [model.Routes[0].Rules[0], new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Prefix("/b") }], Backends = [new WeightedBackend { Service = Reviews, Port = 9080 }], Mirror = new Mirror { Service = Ratings } }] }],
        };
        var result = Translator.Translate(model);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.routes[0].rules[0]");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.routes[0].rules[1].mirror.port");
        var rule = Assert.Single(Assert.Single(result.Resources.OfType<HttpRouteResource>()).Spec.Rules!);
        Assert.Null(rule.Filters);
        Assert.Equal("/b", rule.Matches![0].Path!.Value);
        Assert.Empty(ApiServerProblems(result));
    }

    /// <summary>A dialect that does not resolve backend ports (Linkerd's, so far) writes such a backend without a port, as before, and reports it.</summary>
    [Fact]
    public void DialectWithoutPortResolution_WritesTheBackendWithoutAPort()
    {
        var model = Model(new HttpRouteRule { Backends = [new WeightedBackend { Service = Ratings }] }, 7000, 7001);
        var dialect = Translation.RouteDialect.GatewayApi with { PortSectionNames = false, ResolveBackendPorts = false };
        var ctx = new Translation.RouteExportContext(new GatewayApiOptions(), model, dialect);
        var route = Assert.IsType<HttpRouteResource>(HttpRouteMapping.ToGatewayApi(model.Routes[0], "$.spec.routes[0]", ctx));
        Assert.Null(Assert.Single(Assert.Single(route.Spec.Rules!).BackendRefs!).Port);
        Assert.All(route.Spec.ParentRefs!, p => Assert.Null(p.SectionName));
        Assert.Contains(ctx.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.routes[0].rules[0].backends[0].port");
    }
}

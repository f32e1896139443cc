using Mesh.DependencyInjection;
using Mesh.Diagnostics;
using Mesh.Model;
using GrpcRoute = Mesh.Providers.GatewayApi.Resources.GrpcRoute;
using GatewayHttpRoute = Mesh.Providers.GatewayApi.Resources.HttpRoute;
using Mesh.Providers.Linkerd.Resources;
using Mesh.Translation;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Providers.Linkerd.Tests.Import;

/// <summary>Linkerd's retry and timeout annotations, both API groups, and the translator's defaults.</summary>
public sealed class AnnotationTests
{
    private static readonly LinkerdTranslator Translator = new();

    [Fact]
    public void RetryAndTimeoutAnnotations_ApplyToEveryRuleOfTheRoute()
    {
        var result = Translator.ImportYaml("""
            kind: HTTPRoute
            apiVersion: gateway.networking.k8s.io/v1beta1
            metadata:
              name: schlep-default
              namespace: schlep
              annotations:
                retry.linkerd.io/http: 5xx,gateway-error,500-502
                retry.linkerd.io/limit: "2"
                retry.linkerd.io/timeout: 300ms
                timeout.linkerd.io/request: 2s
                timeout.linkerd.io/response: 1s
            spec:
              parentRefs: [{ name: schlep, kind: Service, group: core, port: 80 }]
              rules:
              - matches: [{ path: { type: PathPrefix, value: /a } }]
                backendRefs: [{ name: schlep, port: 80 }]
              - backendRefs: [{ name: schlep, port: 80 }]
                timeouts: { request: 5s }
            """, "in.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var rules = Assert.Single(result.Config!.Routes).Rules;
        Assert.Equal(TimeSpan.FromSeconds(2), rules[0].Timeout);
        Assert.Equal(TimeSpan.FromSeconds(5), rules[1].Timeout);
        Assert.All(rules, r =>
        {
            Assert.Equal(2, r.Retry!.Attempts);
            Assert.Equal(TimeSpan.FromMilliseconds(300), r.Retry.PerTryTimeout);
            Assert.Contains(RetryCondition.ServerError, r.Retry.On);
            Assert.Contains(RetryCondition.GatewayError, r.Retry.On);
            Assert.Equal([500, 501, 502], r.Retry.StatusCodes.Order());
        });
        Assert.Contains(result.Diagnostics, d => d.Path == "in.yaml#0 $.metadata.annotations['timeout.linkerd.io/response']");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.LegacyForm && d.Path == "in.yaml#0 $.apiVersion");
    }

    [Fact]
    public void Translate_WritesPolicyRoutesWithAnnotations_ByDefault()
    {
        var resources = Translator.Translate(Generators.Samples.Routing).Resources;
        var web = Assert.IsType<PolicyHttpRoute>(resources.Single(r => r is PolicyHttpRoute));
        Assert.Equal("policy.linkerd.io/v1beta3", web.ApiVersion);
        Assert.Equal("2", web.Metadata.Annotations["retry.linkerd.io/limit"]);
        Assert.Equal("5xx,429", web.Metadata.Annotations["retry.linkerd.io/http"]);
        Assert.Equal("300ms", web.Metadata.Annotations["retry.linkerd.io/timeout"]);
        Assert.Equal("2s", web.Metadata.Annotations["timeout.linkerd.io/request"]);
        Assert.All(web.Spec.Rules!, r => Assert.Null(r.Timeouts));
        var echo = Assert.IsType<GrpcRoute>(resources.Single(r => r is GrpcRoute));
        Assert.Equal("unavailable,cancelled", echo.Metadata.Annotations["retry.linkerd.io/grpc"]);
    }

    [Fact]
    public void Translate_GatewayApiOption_WritesGatewayHttpRoutes()
    {
        var translator = new LinkerdTranslator(new LinkerdOptions { RouteApi = LinkerdRouteApi.GatewayApi });
        var resources = translator.Translate(Generators.Samples.Routing).Resources;
        Assert.Contains(resources, r => r is GatewayHttpRoute);
        Assert.DoesNotContain(resources, r => r is PolicyHttpRoute);
    }

    [Fact]
    public void Translate_ReportsFiltersLinkerdDoesNotRun()
    {
        var model = Generators.Samples.Routing with
        {
            Services = [.. Generators.Samples.Routing.Services, new MeshService { Name = "shadow", Namespace = "shop", Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http }] }],
            Routes = [Generators.Samples.Routing.Routes[0] with { Rules = [Generators.Samples.Routing.Routes[0].Rules[0] with { Rewrite = new Rewrite { PathPrefix = "/v2" }, Mirror = new Mirror { Service = new ServiceRef("shadow", "shop") }, ResponseHeaders = new HeaderModifier { Remove = ["server"] } }] }],
        };
        var result = Translator.Translate(model);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.routes[0].rules[0].rewrite" && d.Provider == ProviderName.Linkerd);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.routes[0].rules[0].mirror");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.routes[0].rules[0].responseHeaders");
        Assert.DoesNotContain("URLRewrite", Translator.WriteYaml(result.Resources), StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_DifferentRetriesPerRule_AreReported()
    {
        var route = Generators.Samples.Routing.Routes[0];
        var model = Generators.Samples.Routing with { Routes = [route with { Rules = [route.Rules[0], route.Rules[1] with { Retry = new RetryPolicy { Attempts = 5 } }] }] };
        var result = Translator.Translate(model);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.routes[0].rules[1].retry");
    }

    [Fact]
    public void Server_ThatNoServiceSelectsAndNoAppLabelNames_IsReported()
    {
        var result = Translator.ImportYaml("apiVersion: policy.linkerd.io/v1beta3\nkind: Server\nmetadata: { name: s }\nspec: { port: 80 }\n", "in.yaml");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#0 $.spec");
    }

    [Fact]
    public void EmptyExternalWorkload_IsReported_NotImported()
    {
        var result = Translator.ImportYaml("apiVersion: workload.linkerd.io/v1beta1\nkind: ExternalWorkload\nmetadata: { name: w }\nspec: {}\n", "in.yaml");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#0 $.spec.workloadIPs");
        Assert.Empty(result.Config!.ExternalServices);
    }

    [Fact]
    public void Annotations_OfARouteWithNoImportedRule_AreReported()
    {
        var result = Translator.ImportYaml("""
            kind: HTTPRoute
            apiVersion: policy.linkerd.io/v1beta3
            metadata:
              name: r
              namespace: ns
              annotations: { retry.linkerd.io/http: 5xx, timeout.linkerd.io/request: 2s }
            spec:
              parentRefs: [{ name: web, kind: Service, group: core, port: 80 }]
              rules:
              - matches: [{ path: { type: PathPrefix, value: / } }]
                backendRefs: [{ kind: ConfigMap, name: not-a-service }]
            """, "in.yaml");
        Assert.Contains(result.Diagnostics, d => d.Path == "in.yaml#0 $.metadata.annotations['retry.linkerd.io/http']" && d.Code == DiagnosticCodes.FieldNotImported);
        Assert.Contains(result.Diagnostics, d => d.Path == "in.yaml#0 $.metadata.annotations['timeout.linkerd.io/request']");
    }

    [Fact]
    public void RuleWithoutBackendRefs_RoutesToTheParentService_AndCarriesTheAnnotations()
    {
        // Linkerd's own retry and timeout examples: a route whose rule has no backendRefs sends traffic to its parent (GEP-1426).
        var result = Translator.ImportYaml("""
            kind: HTTPRoute
            apiVersion: policy.linkerd.io/v1beta3
            metadata:
              name: r
              namespace: ns
              annotations: { retry.linkerd.io/http: 5xx, retry.linkerd.io/limit: "2", timeout.linkerd.io/request: 2s }
            spec:
              parentRefs: [{ name: web, kind: Service, group: core, port: 80 }]
              rules:
              - matches: [{ path: { type: PathPrefix, value: / } }]
            """, "in.yaml");
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var rule = Assert.Single(Assert.Single(result.Config!.Routes).Rules);
        Assert.Equal([new WeightedBackend { Service = new ServiceRef("web", "ns"), Weight = 100 }], rule.Backends);
        Assert.Equal(TimeSpan.FromSeconds(2), rule.Timeout);
        Assert.Equal(2, rule.Retry!.Attempts);
        // Written back the same way: no backendRefs, so no port to invent for the backend.
        var written = Translator.WriteYaml(Translator.Translate(result.Config).Resources);
        Assert.DoesNotContain("backendRefs", written, StringComparison.Ordinal);
        Assert.Equal(result.Config, Translator.ImportYaml(written, "again.yaml").Config);
    }

    [Fact]
    public void ServerAuthorization_IsReportedAsLegacy()
    {
        var result = Translator.ImportYaml("apiVersion: policy.linkerd.io/v1beta1\nkind: ServerAuthorization\nmetadata: { name: a }\nspec: {}\n", "in.yaml");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.LegacyForm && d.Path == "in.yaml#0 $.kind" && d.Message.Contains("AuthorizationPolicy", StringComparison.Ordinal));
    }

    [Fact]
    public void Defaults_ArePinned()
    {
        var options = new LinkerdOptions();
        Assert.Equal("default", options.DefaultNamespace);
        Assert.Equal(Mesh.Translation.ServiceOutput.Subsets, options.ServiceOutput);
        Assert.Equal("cluster.local", options.TrustDomain);
        Assert.Equal(LinkerdRouteApi.Policy, options.RouteApi);
        Assert.Equal(ProviderName.Linkerd, Translator.Provider);
        Assert.All(MeshFeature.All, f => Assert.NotEqual("Not declared by the provider.", LinkerdCapabilities.Instance[f].Reason));
    }

    [Fact]
    public void AddLinkerd_RegistersOnce()
    {
        var services = new ServiceCollection();
        services.AddMeshSdk().AddLinkerd(new LinkerdOptions { RouteApi = LinkerdRouteApi.GatewayApi }).AddLinkerd();
        using var provider = services.BuildServiceProvider();
        Assert.Single(provider.GetServices<ITranslator>(), t => t.Provider == ProviderName.Linkerd);
    }
}

using Mesh.Diagnostics;
using Mesh.DependencyInjection;
using Mesh.Model;
using Mesh.Translation;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Providers.GatewayApi.Tests.Import;

/// <summary>Readable examples of what import makes of Gateway API documents, and of the translator's defaults.</summary>
public sealed class ImportYamlTests
{
    private static readonly GatewayApiTranslator Translator = new();

    private static ImportResult Read(string yaml) => Translator.ImportYaml(yaml, "in.yaml");

    [Fact]
    public void HttpRoute_WithServiceParent_BecomesARouteOfThatService()
    {
        var result = Read("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: { name: reviews, namespace: bookinfo }
            spec:
              parentRefs: [{ group: "", kind: Service, name: reviews, port: 9080 }]
              rules:
              - matches: [{ path: { type: PathPrefix, value: /api }, method: GET }]
                backendRefs:
                - { name: reviews-v1, port: 9080, weight: 90 }
                - { name: reviews-v2, namespace: canary, port: 9080, weight: 10 }
                timeouts: { request: 1s500ms }
            """);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var route = Assert.Single(result.Config!.Routes);
        Assert.Equal(new ServiceRef("reviews", "bookinfo"), route.Host);
        var rule = Assert.Single(route.Rules);
        Assert.Equal(PathMatch.Prefix("/api"), rule.Matches[0].Path);
        Assert.Equal("GET", rule.Matches[0].Method);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), rule.Timeout);
        Assert.Contains(rule.Backends, b => b.Service == new ServiceRef("reviews-v2", "canary") && b.Weight == 10);
        Assert.Contains(rule.Backends, b => b.Service == new ServiceRef("reviews-v1", "bookinfo") && b.Weight == 90);
        var service = result.Config.Services.Single(s => s.Name == "reviews");
        Assert.Equal(9080, Assert.Single(service.Ports).Port);
        Assert.Equal(Protocol.Http, service.Ports[0].Protocol);
        // No Service is in the input: each service is declared from where the route names it, said at that place.
        Assert.Equal(["reviews-v1.bookinfo", "reviews-v2.canary", "reviews.bookinfo"], result.Config.Services.Select(s => s.Reference.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["in.yaml#0 $.spec.parentRefs[0]", "in.yaml#0 $.spec.rules[0].backendRefs[0]", "in.yaml#0 $.spec.rules[0].backendRefs[1]"],
            result.Diagnostics.Where(d => d.Code == DiagnosticCodes.ServiceInferred).Select(d => d.Path));
        Assert.All(result.Diagnostics, d => Assert.True(d.Severity == DiagnosticSeverity.Info && d.Location is not null, d.ToString()));
    }

    [Fact]
    public void GrpcRoute_MethodMatches_BecomeGrpcPaths()
    {
        var result = Read("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: GRPCRoute
            metadata: { name: echo, namespace: grpc }
            spec:
              parentRefs: [{ group: "", kind: Service, name: echo, port: 7070 }]
              rules:
              - matches: [{ method: { service: echo.Echo, method: Say } }, { method: { service: echo.Admin } }]
                backendRefs: [{ name: echo-v2, port: 7070 }]
            """);
        var rule = Assert.Single(Assert.Single(result.Config!.Routes).Rules);
        Assert.Equal([PathMatch.Exact("/echo.Echo/Say"), PathMatch.Prefix("/echo.Admin/")], rule.Matches.Select(m => m.Path));
        Assert.Equal(Protocol.Grpc, result.Config.Services[0].Ports[0].Protocol);
    }

    [Fact]
    public void Translate_GrpcOnlyHost_WritesAGrpcRoute_AndHttpHostAnHttpRoute()
    {
        var resources = Translator.Translate(Generators.Samples.Routing).Resources;
        Assert.Contains(resources, r => r is Resources.GrpcRoute { Metadata.Name: "echo" });
        Assert.Contains(resources, r => r is Resources.HttpRoute { Metadata.Name: "reviews" });
        var off = new GatewayApiTranslator(new GatewayApiOptions { EmitGrpcRoutes = false }).Translate(Generators.Samples.Routing).Resources;
        Assert.All(off, r => Assert.IsType<Resources.HttpRoute>(r));
    }

    [Fact]
    public void Translate_WritesMeshParentRefsWithPortsAndGep2257Durations()
    {
        var yaml = Translator.WriteYaml(Translator.Translate(Generators.Samples.Routing).Resources);
        Assert.Contains("parentRefs:\n  - group: \"\"\n    kind: Service\n    name: reviews\n    port: 9080\n", yaml, StringComparison.Ordinal);
        Assert.Contains("request: 1s500ms", yaml, StringComparison.Ordinal);
        Assert.Contains("fraction:\n", yaml, StringComparison.Ordinal);
        Assert.Contains("statusCode: 308", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Redirect_DefaultStatusIs302_AndRoundTrips()
    {
        var result = Read("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: { name: r, namespace: ns }
            spec:
              parentRefs: [{ group: "", kind: Service, name: web }]
              rules:
              - filters: [{ type: RequestRedirect, requestRedirect: { scheme: https } }]
            """);
        Assert.Equal(302, result.Config!.Routes[0].Rules[0].Redirect!.StatusCode);
        Assert.DoesNotContain("statusCode", Translator.WriteYaml(Translator.Translate(result.Config).Resources), StringComparison.Ordinal);
    }

    [Fact]
    public void MirrorFraction_IsReadAsAPercentage()
    {
        var result = Read("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: { name: r, namespace: ns }
            spec:
              parentRefs: [{ group: "", kind: Service, name: web }]
              rules:
              - filters: [{ type: RequestMirror, requestMirror: { backendRef: { name: shadow, port: 80 }, fraction: { numerator: 1, denominator: 8 } } }]
                backendRefs: [{ name: web, port: 80 }]
            """);
        Assert.Equal(12.5m, result.Config!.Routes[0].Rules[0].Mirror!.Percentage);
    }

    [Fact]
    public void GatewayParents_HostnamesRuleNamesAndPortlessSectionNames_AreReportedWithPaths_AndASectionNameNamesItsPort()
    {
        var result = Read("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: { name: r, namespace: ns, labels: { team: a } }
            spec:
              parentRefs:
              - { name: edge, kind: Gateway, group: gateway.networking.k8s.io }
              - { group: "", kind: Service, name: web, port: 80, sectionName: http }
              - { group: "", kind: Service, name: web, sectionName: admin }
              hostnames: [web.example.com]
              rules:
              - name: main
                backendRefs: [{ name: web, port: 80 }]
            """);
        Assert.False(result.HasErrors);
        var paths = result.Diagnostics.Select(d => d.Path).ToList();
        Assert.Contains("in.yaml#0 $.spec.parentRefs[0]", paths);
        Assert.Contains("in.yaml#0 $.spec.parentRefs[2].sectionName", paths);
        Assert.DoesNotContain("in.yaml#0 $.spec.parentRefs[1].sectionName", paths);
        Assert.Equal("http", result.Config!.Services.Single(s => s.Name == "web").FindPort(80)!.Name);
        Assert.Contains("in.yaml#0 $.spec.hostnames", paths);
        Assert.Contains("in.yaml#0 $.spec.rules[0].name", paths);
        Assert.Contains("in.yaml#0 $.metadata.labels", paths);
        Assert.All(result.Diagnostics, d => Assert.NotNull(d.Location));
    }

    [Fact]
    public void V1beta1HttpRoute_IsReadAsV1_WithALegacyNote()
    {
        var result = Read("""
            apiVersion: gateway.networking.k8s.io/v1beta1
            kind: HTTPRoute
            metadata: { name: r, namespace: ns }
            spec:
              parentRefs: [{ group: "", kind: Service, name: web }]
              rules: [{ backendRefs: [{ name: web, port: 80 }] }]
            """);
        Assert.Single(result.Config!.Routes);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.LegacyForm && d.Path == "in.yaml#0 $.apiVersion");
    }

    [Fact]
    public void OtherGatewayApiKinds_AreOutOfScope()
    {
        var result = Read("apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: { name: g }\nspec: {}\n");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.OutOfScope && d.Path == "in.yaml#0 $.kind");
    }

    [Fact]
    public void Translate_ReportsEverythingButRoutes()
    {
        var model = Generators.Samples.Routing with
        {
            DestinationPolicies = [new DestinationPolicy { Target = new PolicyTarget { Service = new ServiceRef("reviews", "bookinfo") }, LoadBalancer = LoadBalancer.Random }],
            Mtls = [new MtlsPolicy { Scope = MtlsScope.Mesh, Mode = MtlsMode.Strict }],
        };
        var result = Translator.Translate(model);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.destinationPolicies[0].loadBalancer");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.mtls[0]");
        var strict = Translator.Translate(model, new TranslationOptions { Strict = true });
        Assert.True(strict.HasErrors);
        Assert.Empty(strict.Resources);
    }

    [Fact]
    public void Defaults_ArePinned()
    {
        var options = new GatewayApiOptions();
        Assert.Equal("default", options.DefaultNamespace);
        Assert.True(options.EmitGrpcRoutes);
        Assert.Null(options.GatewayClassName);
        Assert.Equal(ServiceOutput.Subsets, options.ServiceOutput);
        Assert.Same(GatewayApiCapabilities.Instance, Translator.Capabilities);
        Assert.True(Translation.RouteDialect.GatewayApi is { PortSectionNames: true, ResolveBackendPorts: true });
        Assert.True(new Translation.RouteDialect(ProviderName.GatewayApi, "other", true, true, true, true, false, [302]) is { PortSectionNames: false, ResolveBackendPorts: false });
        Assert.Equal(ProviderName.GatewayApi, Translator.Provider);
        Assert.Equal("gateway-api", Translator.Provider.ToString());
        Assert.All(MeshFeature.All, f => Assert.NotEqual("Not declared by the provider.", GatewayApiCapabilities.Instance[f].Reason));
    }

    [Fact]
    public void AddGatewayApi_RegistersOnce()
    {
        var services = new ServiceCollection();
        services.AddMeshSdk().AddGatewayApi(new GatewayApiOptions { DefaultNamespace = "apps" }).AddGatewayApi();
        using var provider = services.BuildServiceProvider();
        Assert.Single(provider.GetServices<ITranslator>(), t => t.Provider == ProviderName.GatewayApi);
    }
}

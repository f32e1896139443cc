using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Validation;
using static Mesh.Providers.AppMesh.Tests.Import.ImportYaml;

namespace Mesh.Providers.AppMesh.Tests.Import;

/// <summary>VirtualService → VirtualRouter → VirtualNode resolution, route order and grouping, matches and targets.</summary>
public sealed class RoutingImportTests
{
    [Fact]
    public void ColorApp_SubsetsOfTheHost_RoutesInPriorityOrder_DefaultLast()
    {
        var yaml = Service("color") + ColorNodes + Node("color-yellow", "app: color, version: yellow") + Node("color-white", "app: color, version: white") + Router("""
                - name: white
                  httpRoute: { match: { prefix: / }, action: { weightedTargets: [{ virtualNodeRef: { name: color-white }, weight: 1 }] } }
                - name: yellow
                  priority: 40
                  httpRoute: { match: { prefix: /, headers: [{ name: color_header }] }, action: { weightedTargets: [{ virtualNodeRef: { name: color-yellow }, weight: 1 }] } }
                - name: blue
                  priority: 10
                  httpRoute: { match: { prefix: /, headers: [{ name: color_header, match: { exact: blue } }] }, action: { weightedTargets: [{ virtualNodeRef: { name: color-blue }, weight: 1 }] } }
                - name: red
                  priority: 30
                  httpRoute: { match: { prefix: /, headers: [{ name: color_header, match: { prefix: red } }] }, action: { weightedTargets: [{ virtualNodeRef: { name: color-red }, weight: 1 }] } }
                - name: green
                  priority: 20
                  httpRoute: { match: { prefix: /, headers: [{ name: color_header, match: { regex: ".*green.*" } }] }, action: { weightedTargets: [{ virtualNodeRef: { name: color-green }, weight: 1 }] } }
            """);
        var result = Read(yaml);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var color = Assert.Single(result.Config!.Services, s => s.Name == "color");
        Assert.Equal(new Dictionary<string, string> { ["app"] = "color" }, color.Selector);
        Assert.Equal(["blue", "green", "red", "white", "yellow"], color.Subsets.Select(s => s.Name));
        Assert.Equal("blue", color.FindSubset("blue")!.Labels["version"]);
        var rules = Assert.Single(result.Config.Routes).Rules;
        Assert.Equal(["blue", "green", "red", "yellow", "white"], rules.Select(r => r.Backends.Single().Subset));
        Assert.Equal(ValueMatchKind.Exact, rules[0].Matches.Single().Headers.Single().Kind);
        Assert.Equal(ValueMatchKind.Regex, rules[1].Matches.Single().Headers.Single().Kind);
        Assert.Equal(ValueMatchKind.Prefix, rules[2].Matches.Single().Headers.Single().Kind);
        Assert.Equal(ValueMatchKind.Present, rules[3].Matches.Single().Headers.Single().Kind);
        Assert.True(rules[4].Matches.IsEmpty);
        Assert.DoesNotContain(MeshValidator.Validate(result.Config), d => d.IsError);
    }

    [Fact]
    public void TwoUnprioritisedRoutes_AreNotedAndKeptInDocumentOrder()
    {
        var result = Read(Service("color") + ColorNodes + Router("""
                - name: b
                  httpRoute: { match: { prefix: /b }, action: { weightedTargets: [{ virtualNodeRef: { name: color-blue }, weight: 1 }] } }
                - name: a
                  httpRoute: { match: { prefix: /a }, action: { weightedTargets: [{ virtualNodeRef: { name: color-red }, weight: 1 }] } }
            """));
        Assert.Equal(["/b", "/a"], result.Config!.Routes.Single().Rules.Select(r => r.Matches.Single().Path!.Value));
        Assert.Equal(DiagnosticCodes.TranslationNote, At(result, "#4 $.spec.routes[1].priority").Code);
    }

    [Fact]
    public void MissingRouter_IsReportedAtTheReference()
    {
        var result = Read(Service("color") + ColorNodes);
        var d = At(result, "#0 $.spec.provider.virtualRouter.virtualRouterRef.name");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Empty(result.Config!.Routes);
    }

    [Fact]
    public void MissingNode_IsReportedAtTheTarget_AndLeftOut()
    {
        var result = Read(Service("color") + ColorNodes + Router("""
                - name: split
                  httpRoute: { match: { prefix: / }, action: { weightedTargets: [{ virtualNodeRef: { name: color-blue }, weight: 3 }, { virtualNodeRef: { name: nowhere }, weight: 1 }, { virtualNodeRef: { name: color-red }, weight: 1 }] } }
            """));
        Assert.Equal(DiagnosticSeverity.Warning, At(result, "#4 $.spec.routes[0].httpRoute.action.weightedTargets[1].virtualNodeRef.name").Severity);
        Assert.Equal(["blue", "red"], result.Config!.Routes.Single().Rules.Single().Backends.Select(b => b.Subset));
    }

    [Fact]
    public void MissingProviderNode_IsReportedAtTheReference()
    {
        var result = Read(Service("color", "virtualNode: { virtualNodeRef: { name: ghost } }"));
        Assert.Equal(DiagnosticSeverity.Warning, At(result, "#0 $.spec.provider.virtualNode.virtualNodeRef.name").Severity);
    }

    [Fact]
    public void Targets_KeepWeightsAndPorts()
    {
        var result = Read(Service("color") + ColorNodes + Router("""
                - name: split
                  priority: 0
                  httpRoute: { match: { prefix: / }, action: { weightedTargets: [{ virtualNodeRef: { name: color-blue }, weight: 80, port: 8080 }, { virtualNodeRef: { name: color-green }, weight: 20 }] } }
            """));
        var backends = result.Config!.Routes.Single().Rules.Single().Backends;
        Assert.Equal([("blue", 80, (int?)8080), ("green", 20, null)], backends.Select(b => (b.Subset!, b.Weight, b.Port)));
    }

    [Fact]
    public void WeightOutOfRange_IsInvalid()
    {
        var result = Read(Service("color") + ColorNodes + Router("""
                - name: split
                  httpRoute: { match: { prefix: / }, action: { weightedTargets: [{ virtualNodeRef: { name: color-blue }, weight: 101 }] } }
            """));
        Assert.True(At(result, "#4 $.spec.routes[0].httpRoute.action.weightedTargets[0].weight").IsError);
    }

    [Fact]
    public void ExportedRouteNames_RegroupIntoRulesWithSeveralMatches()
    {
        var result = Read(Service("color") + ColorNodes + Router("""
                - name: web-r0-m0
                  priority: 0
                  httpRoute: { match: { prefix: /a }, action: { weightedTargets: [{ virtualNodeRef: { name: color-blue }, weight: 1 }] } }
                - name: web-r0-m1
                  priority: 1
                  httpRoute: { match: { path: { exact: /b } }, action: { weightedTargets: [{ virtualNodeRef: { name: color-blue }, weight: 1 }] } }
                - name: web-r1
                  priority: 2
                  httpRoute: { match: { prefix: / }, action: { weightedTargets: [{ virtualNodeRef: { name: color-red }, weight: 1 }] } }
            """));
        var route = Assert.Single(result.Config!.Routes);
        Assert.Equal("web", route.Name);
        Assert.Equal(2, route.Rules.Count);
        Assert.Equal([PathMatchKind.Exact, PathMatchKind.Prefix], route.Rules[0].Matches.Select(m => m.Path!.Kind).Order());
    }

    [Fact]
    public void ImplicitRoute_IsSkipped_ButItsSubsetsAreDeclared()
    {
        var yaml = Service("color") + ColorNodes + """
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualRouter
            metadata: { name: color, namespace: shop, annotations: { mesh-sdk.io/implicit-route: default } }
            spec:
              listeners: [{ portMapping: { port: 8080, protocol: http } }]
              routes:
                - name: default
                  httpRoute: { match: { prefix: / }, action: { weightedTargets: [{ virtualNodeRef: { name: color-blue }, weight: 1 }, { virtualNodeRef: { name: color-red }, weight: 1 }] } }
            """ + "\n";
        var result = Read(yaml);
        Assert.Empty(result.Config!.Routes);
        var subsets = result.Config.Services.Single(s => s.Name == "color").Subsets;
        Assert.Equal("blue", subsets.Single(s => s.Name == "blue").Labels["version"]);
        Assert.Equal("red", subsets.Single(s => s.Name == "red").Labels["version"]);
        Assert.DoesNotContain(result.Diagnostics, d => d.Path.Contains("implicit-route", StringComparison.Ordinal));
    }

    [Fact]
    public void GrpcRoute_ServiceAndMethod_BecomePaths_MetadataHeaders()
    {
        var result = Read(Service("color") + Node("color-server", "app: color, version: server", protocol: "grpc") + Router("""
                - name: method
                  priority: 0
                  grpcRoute: { match: { serviceName: color.ColorService, methodName: GetColor, metadata: [{ name: x-user, match: { exact: joe } }] }, action: { weightedTargets: [{ virtualNodeRef: { name: color-server }, weight: 1 }] } }
                - name: service
                  priority: 1
                  grpcRoute: { match: { serviceName: color.ColorService }, action: { weightedTargets: [{ virtualNodeRef: { name: color-server }, weight: 1 }] } }
            """, "- portMapping: { port: 8080, protocol: grpc }"));
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var rules = result.Config!.Routes.SelectMany(r => r.Rules).ToList();
        Assert.Equal(new PathMatch(PathMatchKind.Exact, "/color.ColorService/GetColor"), rules[0].Matches.Single().Path);
        Assert.Equal(new ValueMatch("x-user", ValueMatchKind.Exact, "joe"), rules[0].Matches.Single().Headers.Single());
        Assert.Equal(new PathMatch(PathMatchKind.Prefix, "/color.ColorService/"), rules[1].Matches.Single().Path);
        Assert.Equal(Protocol.Grpc, result.Config.Services.Single(s => s.Name == "color").Ports.Single().Protocol);
    }

    [Fact]
    public void HeaderSuffix_IsARegex_RangeAndInvertedValue_AreDropped_AbsentIsInvert()
    {
        var result = Read(Service("color") + ColorNodes + Router("""
                - name: h
                  priority: 0
                  httpRoute:
                    match:
                      prefix: /
                      headers:
                        - { name: host, match: { suffix: .example.com } }
                        - { name: version, match: { range: { start: 1, end: 5 } } }
                        - { name: user, invert: true, match: { exact: bot } }
                        - { name: debug, invert: true }
                      queryParameters: [{ name: q, match: { exact: "1" } }]
                      method: GET
                    action: { weightedTargets: [{ virtualNodeRef: { name: color-blue }, weight: 1 }] }
            """));
        var match = result.Config!.Routes.Single().Rules.Single().Matches.Single();
        Assert.Equal([new ValueMatch("host", ValueMatchKind.Regex, @".*\.example\.com"), new ValueMatch("debug", ValueMatchKind.Absent)], match.Headers.OrderBy(h => h.Name == "debug"));
        Assert.Equal(new ValueMatch("q", ValueMatchKind.Exact, "1"), match.QueryParams.Single());
        Assert.Equal("GET", match.Method);
        Assert.Equal(DiagnosticCodes.TranslationNote, At(result, "#4 $.spec.routes[0].httpRoute.match.headers[0].match.suffix").Code);
        Assert.Equal(DiagnosticCodes.FieldNotImported, At(result, "#4 $.spec.routes[0].httpRoute.match.headers[1].match.range").Code);
        Assert.Equal(DiagnosticCodes.FieldNotImported, At(result, "#4 $.spec.routes[0].httpRoute.match.headers[2].invert").Code);
        Assert.Equal(DiagnosticSeverity.Warning, At(result, "#4 $.spec.routes[0].httpRoute.match").Severity);
    }

    [Fact]
    public void UnknownMethod_IsInvalid_AndDoesNotThrow()
    {
        var result = Read(Service("color") + ColorNodes + Router("""
                - name: h
                  httpRoute: { match: { prefix: /, method: FETCH }, action: { weightedTargets: [{ virtualNodeRef: { name: color-blue }, weight: 1 }] } }
            """));
        Assert.True(At(result, "#4 $.spec.routes[0].httpRoute.match.method").IsError);
    }
}

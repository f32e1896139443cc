using Mesh.Diagnostics;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Linkerd.Resources;
using Mesh.Translation;

namespace Mesh.Providers.Linkerd.Tests.Import;

/// <summary>
/// Which pods a service means, through a mesh switch: the service's selector and target ports written in its Service
/// (<see cref="ServiceOutput.All"/>) and read back, Servers matched to the service whose selector their pods carry, and
/// per-version Services folded back into subsets of their parent.
/// </summary>
public sealed class WorkloadSelectionTests
{
    private static readonly LinkerdTranslator Translator = new();

    private static readonly LinkerdTranslator WithServices = new(new LinkerdOptions { ServiceOutput = ServiceOutput.All });

    private static readonly ServiceRef Web = new("web", "shop");

    private static Diagnostic At(ImportResult result, string path) =>
        Assert.Single(result.Diagnostics, d => d.Path == "in.yaml#" + path);

    private static MeshService WebService(int port = 80, TargetPort? target = null, Protocol protocol = Protocol.Http) => new()
    {
        Name = "web",
        Namespace = "shop",
        Selector = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "web" },
        Ports = [new ServicePort { Name = "http", Port = port, Protocol = protocol, TargetPort = target ?? 8080 }],
    };

    [Fact]
    public void ServiceWithItsOwnSelector_RoundTripsWithTheServicesWritten_KeepingSelectorAndTargetPort()
    {
        var model = new MeshConfig
        {
            Name = "imported",
            Services = [WebService()],
            Routes = [new HttpRoute { Name = "web", Namespace = "shop", Host = Web, Rules = [new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Prefix("/api") }], Backends = [new WeightedBackend { Service = Web, Port = 80 }] }] }],
        };
        var translated = WithServices.Translate(model);
        Assert.DoesNotContain(translated.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var service = Assert.Single(translated.Resources.OfType<CoreService>());
        Assert.Equal(new Dictionary<string, string> { ["app.kubernetes.io/name"] = "web" }, service.Spec!.Selector);
        Assert.Equal(8080, Assert.Single(service.Spec.Ports!)!.TargetPort);
        var back = WithServices.ImportYaml(WithServices.WriteYaml(translated.Resources), "back.yaml");
        Assert.DoesNotContain(back.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Equal(model.Normalize(), back.Config);
        Assert.Equal(new Dictionary<string, string> { ["app.kubernetes.io/name"] = "web" }, Assert.Single(back.Config!.Services).Selector);
        Assert.Equal(TargetPort.Of(8080), Assert.Single(back.Config.Services[0].Ports).TargetPort);
    }

    [Fact]
    public void WithoutTheServicesWritten_SelectorAndTargetPort_AreNoted()
    {
        var model = new MeshConfig
        {
            Name = "imported",
            Services = [WebService()],
            Routes = [new HttpRoute { Name = "web", Namespace = "shop", Host = Web, Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = Web, Port = 80 }] }] }],
        };
        var result = Translator.Translate(model);
        Assert.Empty(result.Resources.OfType<CoreService>());
        var selector = Assert.Single(result.Diagnostics, d => d.Path == "$.spec.services[0].selector");
        Assert.Equal((DiagnosticCodes.TranslationNote, DiagnosticSeverity.Info), (selector.Code, selector.Severity));
        Assert.Contains("ServiceOutput Subsets", selector.Message, StringComparison.Ordinal);
        Assert.Contains(result.Diagnostics, d => d.Path == "$.spec.services[0].ports[0].targetPort" && d.Message.Contains("Target port 8080 of port 80", StringComparison.Ordinal));
        // The port's name belongs to the Service too.
        Assert.Contains(result.Diagnostics, d => d.Path == "$.spec.services[0].ports[0]" && d.Message.Contains("its name 'http'", StringComparison.Ordinal));
    }

    [Fact]
    public void WithTheServicesWritten_NoPortOfAServiceIsReported_ButATcpPortLinkerdWouldDetect()
    {
        var model = new MeshConfig
        {
            Name = "imported",
            Services =
            [
                new MeshService { Name = "web", Namespace = "shop", Ports = [new ServicePort { Name = "public", Port = 80, Protocol = Protocol.Http2 }, new ServicePort { Port = 9000, Protocol = Protocol.Tcp }, new ServicePort { Port = 5432, Protocol = Protocol.Tcp }] },
            ],
        };
        var result = WithServices.Translate(model);
        var note = Assert.Single(result.Diagnostics, d => d.Path.StartsWith("$.spec.services", StringComparison.Ordinal));
        // 5432 is one of Linkerd's default opaque ports; 9000 is written with appProtocol tcp, which Linkerd does not read.
        Assert.Equal(("$.spec.services[0].ports[1]", DiagnosticSeverity.Info), (note.Path, note.Severity));
        Assert.Contains("appProtocol linkerd.io/opaque", note.Message, StringComparison.Ordinal);
        var back = WithServices.ImportYaml(WithServices.WriteYaml(result.Resources), "back.yaml");
        Assert.Equal(model.Normalize(), back.Config);
    }

    [Fact]
    public void TcpSplit_OnAnHttpPort_IsApproximatedWhenTheServiceWrittenSaysHttp()
    {
        var model = new MeshConfig
        {
            Name = "imported",
            Services = [new MeshService { Name = "web", Namespace = "shop", Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http }] }, new MeshService { Name = "web-v2", Namespace = "shop", Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http }] }],
            TcpRoutes = [new TcpRoute { Name = "web-l4", Namespace = "shop", Host = Web, Backends = [new WeightedBackend { Service = new ServiceRef("web-v2", "shop"), Port = 8080 }] }],
        };
        // Without the Service written, Linkerd proxies the port opaquely while the TCPRoute is attached (a note) ...
        Assert.Contains(Translator.Translate(model).Diagnostics, d => d.Path == "$.spec.tcpRoutes[0]" && d.Code == DiagnosticCodes.TranslationNote);
        // ... with it, appProtocol http makes Linkerd ignore the TCPRoute there.
        var approximated = Assert.Single(WithServices.Translate(model).Diagnostics, d => d.Path == "$.spec.tcpRoutes[0]");
        Assert.Equal((DiagnosticCodes.Approximated, DiagnosticSeverity.Warning), (approximated.Code, approximated.Severity));
        Assert.Contains("ignores a TCPRoute", approximated.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AServicesExplicitAppProtocol_SaysMoreThanTheHttpRouteOnItsPort()
    {
        var result = Translator.ImportYaml("""
            apiVersion: v1
            kind: Service
            metadata: { name: web, namespace: shop }
            spec:
              selector: { app: web }
              ports: [{ name: h2, port: 8080, appProtocol: kubernetes.io/h2c }]
            ---
            apiVersion: policy.linkerd.io/v1beta3
            kind: HTTPRoute
            metadata: { name: web, namespace: shop }
            spec:
              parentRefs: [{ group: core, kind: Service, name: web, port: 8080 }]
              rules: [{ backendRefs: [{ name: web, port: 8080 }] }]
            """, "in.yaml");
        Assert.Equal(Protocol.Http2, Assert.Single(Assert.Single(result.Config!.Services).Ports).Protocol);
        Assert.Contains("says more than the http of the route", At(result, "0 $.spec.ports[0]").Message, StringComparison.Ordinal);
    }

    private static string Service(string name, string selector, string ports = "[{ name: http, port: 80, targetPort: 8080 }]", string annotations = "") => $$"""
        apiVersion: v1
        kind: Service
        metadata: { name: {{name}}, namespace: shop{{annotations}} }
        spec:
          selector: { {{selector}} }
          ports: {{ports}}
        ---

        """;

    private static string Server(string name, string labels, string port = "8080") => $$"""
        apiVersion: policy.linkerd.io/v1beta3
        kind: Server
        metadata: { name: {{name}}, namespace: shop }
        spec:
          podSelector: { matchLabels: { {{labels}} } }
          port: {{port}}
          proxyProtocol: HTTP/1
        ---
        apiVersion: policy.linkerd.io/v1alpha1
        kind: AuthorizationPolicy
        metadata: { name: {{name}}-allow, namespace: shop }
        spec:
          targetRef: { group: policy.linkerd.io, kind: Server, name: {{name}} }
          requiredAuthenticationRefs: [{ kind: ServiceAccount, name: shopper }]

        """;

    [Fact]
    public void Server_StandsForTheServiceWhoseSelectorItsPodsCarry_AndTheRestIsASubset()
    {
        var result = Translator.ImportYaml(Service("storefront", "app.kubernetes.io/name: web") + Server("front-canary", "app.kubernetes.io/name: web, track: canary"), "in.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var service = Assert.Single(result.Config!.Services);
        Assert.Equal(new ServiceRef("storefront", "shop"), service.Reference);
        Assert.Equal(new Subset { Name = "canary", Labels = new Dictionary<string, string> { ["track"] = "canary" } }, Assert.Single(service.Subsets));
        Assert.Equal(new PolicyTarget { Service = service.Reference, Subset = "canary" }, Assert.Single(result.Config.AccessPolicies).Target);
        // Container port 8080 is the target of Service port 80: the Server stands for port 80.
        Assert.Equal([80], service.Ports.Select(p => p.Port));
        Assert.Contains("target of Service 'shop/storefront' port 80", At(result, "1 $.spec.port").Message, StringComparison.Ordinal);
        Assert.Contains("subset 'canary' (named after the values of its labels)", At(result, "1 $.spec.podSelector").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_MatchedByTheMostSpecificSelector()
    {
        // (Other ports than web's, so that web is not folded into a subset of shop-all.)
        var result = Translator.ImportYaml(
            Service("shop-all", "tier: frontend", "[{ name: http, port: 80, targetPort: 8080 }, { name: admin, port: 9000 }]") + Service("web", "tier: frontend, app.kubernetes.io/name: web") + Server("web-80", "tier: frontend, app.kubernetes.io/name: web"),
            "in.yaml");
        Assert.Equal(new ServiceRef("web", "shop"), Assert.Single(result.Config!.AccessPolicies).Target!.Service);
        Assert.Null(result.Config.AccessPolicies[0].Target!.Subset);
    }

    [Fact]
    public void Server_WithTwoEquallySpecificServices_GoesToTheOneItsAppLabelNames_AndIsReported()
    {
        var result = Translator.ImportYaml(Service("web", "app: web") + Service("web-internal", "app: web") + Server("web-80", "app: web"), "in.yaml");
        Assert.Equal(new ServiceRef("web", "shop"), Assert.Single(result.Config!.AccessPolicies).Target!.Service);
        var tie = At(result, "2 $.spec.podSelector");
        Assert.Equal(DiagnosticSeverity.Warning, tie.Severity);
        Assert.Contains("'web.shop', 'web-internal.shop'", tie.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_WithoutAServiceSelectingItsPods_FallsBackToItsAppLabel_AndSaysWhenAServiceOfThatNameSelectsOthers()
    {
        var alone = Translator.ImportYaml(Server("web-8080", "app: web, version: v2"), "in.yaml");
        Assert.Equal(new PolicyTarget { Service = Web, Subset = "v2" }, Assert.Single(alone.Config!.AccessPolicies).Target);
        Assert.Equal(new Subset { Name = "v2", Labels = new Dictionary<string, string> { ["version"] = "v2" } }, Assert.Single(Assert.Single(alone.Config.Services).Subsets));
        Assert.DoesNotContain(alone.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);

        var other = Translator.ImportYaml(Service("web", "app.kubernetes.io/name: web") + Server("web-80", "app: web"), "in.yaml");
        Assert.Equal(Web, Assert.Single(other.Config!.AccessPolicies).Target!.Service);
        Assert.Contains("selects {app.kubernetes.io/name: web}, other pods", At(other, "1 $.spec.podSelector").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_OfALeafService_IsTheSubsetTheLeafNames()
    {
        var leaf = Service("web-blue", "app: web, color: blue", annotations: ", annotations: { mesh-sdk.io/subset-of: web/blue }");
        var result = Translator.ImportYaml(Service("web", "app: web") + leaf + Server("web-80-blue", "app: web, color: blue"), "in.yaml");
        var web = Assert.Single(result.Config!.Services);
        Assert.Equal(Web, web.Reference);
        Assert.Equal(new Subset { Name = "blue", Labels = new Dictionary<string, string> { ["color"] = "blue" } }, Assert.Single(web.Subsets));
        Assert.Equal(new PolicyTarget { Service = Web, Subset = "blue" }, Assert.Single(result.Config.AccessPolicies).Target);
    }

    [Fact]
    public void SplitBetweenPerVersionServices_ImportsAsOneServiceWithTwoSubsets()
    {
        // Linkerd's traffic shifting (linkerd.io tasks/traffic-shifting): an HTTPRoute on the parent Service splits between one
        // Service per version; the corpus has the route but not the Services, so the manifest is written here.
        var result = Translator.ImportYaml("""
            apiVersion: v1
            kind: Service
            metadata: { name: podinfo, namespace: test }
            spec:
              selector: { app: podinfo }
              ports: [{ name: http, port: 9898, targetPort: 9898 }]
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: podinfo-a, namespace: test }
            spec:
              selector: { app: podinfo, version: a }
              ports: [{ name: http, port: 9898, targetPort: 9898 }]
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: podinfo-b, namespace: test }
            spec:
              selector: { app: podinfo, version: b }
              ports: [{ name: http, port: 9898, targetPort: 9898 }]
            ---
            apiVersion: policy.linkerd.io/v1beta3
            kind: HTTPRoute
            metadata: { name: podinfo-split, namespace: test }
            spec:
              parentRefs: [{ group: core, kind: Service, name: podinfo, port: 9898 }]
              rules:
              - backendRefs:
                - { name: podinfo-a, port: 9898, weight: 50 }
                - { name: podinfo-b, port: 9898, weight: 50 }
            """, "in.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var podinfo = new ServiceRef("podinfo", "test");
        var service = Assert.Single(result.Config!.Services);
        Assert.Equal(podinfo, service.Reference);
        Assert.Equal(
            [new Subset { Name = "a", Labels = new Dictionary<string, string> { ["version"] = "a" } }, new Subset { Name = "b", Labels = new Dictionary<string, string> { ["version"] = "b" } }],
            service.Subsets);
        Assert.Equal(
            [new WeightedBackend { Service = podinfo, Subset = "a", Port = 9898, Weight = 50 }, new WeightedBackend { Service = podinfo, Subset = "b", Port = 9898, Weight = 50 }],
            Assert.Single(Assert.Single(result.Config.Routes).Rules).Backends);
        Assert.Equal(2, result.Diagnostics.Count(d => d.Code == DiagnosticCodes.SubsetFolded));
    }

    [Fact]
    public void TrafficShiftingCorpusRoute_WithoutItsServices_KeepsTheVersionServiceWhole()
    {
        // The corpus route (bb → bb-v2, 100) without the Services: the version Service is declared from the backend with the
        // default selector { app: bb-v2 }, which selects no superset of bb's, so nothing folds.
        var file = Mesh.Providers.Conformance.Support.ConformancePaths.Require("examples/linkerd/linkerd-website__tasks_traffic-shifting_block5.yaml");
        var result = Translator.ImportYaml(File.ReadAllText(file), "shift.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal(["bb", "bb-v2"], result.Config!.Services.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.All(result.Config.Services, s => Assert.Empty(s.Subsets));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.ServiceInferred && d.Message.Contains("'bb-v2.traffic-shift-demo'", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.SubsetFolded);
    }
}

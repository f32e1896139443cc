using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Translation;

namespace Mesh.Providers.Linkerd.Tests.Import;

/// <summary>Core Services on import: their selectors and ports become those of model services, and they tell which service a Server's pods belong to and which service port its container port is.</summary>
public sealed class ServiceImportTests
{
    private static readonly LinkerdTranslator Translator = new();

    private static ImportResult Import(string yaml)
    {
        var result = Translator.ImportYaml(yaml, "in.yaml");
        Assert.False(result.Config is null, string.Join("\n", result.Diagnostics));
        return result;
    }

    private static Diagnostic At(ImportResult result, string path) =>
        Assert.Single(result.Diagnostics, d => d.Path == "in.yaml#" + path);

    private static string Service(string name, string ports, string selector = "app: web", string ns = "shop") => $$"""
        apiVersion: v1
        kind: Service
        metadata: { name: {{name}}, namespace: {{ns}} }
        spec:
          selector: { {{selector}} }
          ports:
        {{ports}}
        ---

        """;

    private static string Server(string port) => $$"""
        apiVersion: policy.linkerd.io/v1beta3
        kind: Server
        metadata: { name: web-http, namespace: shop }
        spec:
          podSelector: { matchLabels: { app: web } }
          port: {{port}}
          proxyProtocol: HTTP/1
        ---

        """;

    private const string Policy = """
        apiVersion: policy.linkerd.io/v1alpha1
        kind: AuthorizationPolicy
        metadata: { name: web-allow, namespace: shop }
        spec:
          targetRef: { group: policy.linkerd.io, kind: Server, name: web-http }
          requiredAuthenticationRefs: [{ kind: ServiceAccount, name: shopper }]

        """;

    [Fact]
    public void ServicePorts_BecomePortsOfTheServiceWithTheirNames()
    {
        var result = Import(Service("web", """
              - { name: http, port: 80, targetPort: 8080 }
              - { name: admin, port: 9990, appProtocol: kubernetes.io/h2c }
            """));
        var service = Assert.Single(result.Config!.Services);
        Assert.Equal(new ServiceRef("web", "shop"), service.Reference);
        Assert.Equal(new Dictionary<string, string> { ["app"] = "web" }, service.Selector);
        Assert.Equal(
            [new ServicePort { Name = "http", Port = 80, Protocol = Protocol.Http, TargetPort = 8080 }, new ServicePort { Name = "admin", Port = 9990, Protocol = Protocol.Http2, TargetPort = 9990 }],
            service.Ports);
        // Each port read says what it became and whether the Service is written back (only with ServiceOutput All).
        Assert.Contains("port 80 'http'", At(result, "0 $.spec.ports[0]").Message, StringComparison.Ordinal);
        Assert.Contains("only with ServiceOutput All", At(result, "0 $.spec.ports[0]").Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Info, At(result, "0 $.spec.ports[1]").Severity);
    }

    [Theory]
    [InlineData("http", Protocol.Http)]
    [InlineData("kubernetes.io/h2c", Protocol.Http2)]
    [InlineData("linkerd.io/opaque", Protocol.Tcp)]
    [InlineData("linkerd.io/tcp", Protocol.Tcp)]
    [InlineData("grpc", Protocol.Grpc)]
    [InlineData("tcp", Protocol.Tcp)]
    [InlineData("kubernetes.io/ws", Protocol.Http)]
    [InlineData("kubernetes.io/wss", Protocol.Tls)]
    [InlineData("https", Protocol.Tls)]
    public void AppProtocol_GivesTheProtocol(string appProtocol, Protocol expected)
    {
        var result = Import(Service("web", $"  - {{ name: main, port: 8080, appProtocol: {appProtocol} }}"));
        Assert.Equal(expected, Assert.Single(Assert.Single(result.Config!.Services).Ports).Protocol);
        Assert.DoesNotContain(result.Diagnostics, d => d.Path.EndsWith(".appProtocol", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutAppProtocol_LinkerdDetectsHttp()
    {
        var result = Import(Service("web", "  - { port: 8080 }"));
        var port = Assert.Single(Assert.Single(result.Config!.Services).Ports);
        Assert.Equal((Protocol.Http, "http-8080"), (port.Protocol, port.Name));
        Assert.Contains("Linkerd detects HTTP", At(result, "0 $.spec.ports[0]").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAppProtocolNeitherLinkerdNorTheProviderKnows_IsDetectedAndReported()
    {
        var result = Import(Service("web", "  - { port: 8080, appProtocol: example.com/custom }"));
        Assert.Equal(Protocol.Http, Assert.Single(Assert.Single(result.Config!.Services).Ports).Protocol);
        var diagnostic = At(result, "0 $.spec.ports[0].appProtocol");
        Assert.Equal((DiagnosticCodes.FieldNotImported, DiagnosticSeverity.Info), (diagnostic.Code, diagnostic.Severity));
    }

    [Fact]
    public void LinkerdsDefaultOpaquePorts_AreTcp()
    {
        var result = Import(Service("db", "  - { name: pg, port: 5432 }\n  - { name: web, port: 8080 }", "app: db"));
        Assert.Equal([Protocol.Tcp, Protocol.Http], Assert.Single(result.Config!.Services).Ports.Select(p => p.Protocol));
        Assert.Contains("default opaque ports", At(result, "0 $.spec.ports[0]").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpaquePortsAnnotation_ReplacesTheDefaultList()
    {
        var result = Import("""
            apiVersion: v1
            kind: Service
            metadata:
              name: db
              annotations: { config.linkerd.io/opaque-ports: "8080-8081, 9000, lots" }
            spec:
              ports: [{ name: a, port: 5432 }, { name: b, port: 8081 }, { name: c, port: 9000 }]
            """);
        Assert.Equal([Protocol.Http, Protocol.Tcp, Protocol.Tcp], Assert.Single(result.Config!.Services).Ports.Select(p => p.Protocol));
        Assert.Contains("'lots'", At(result, "0 $.metadata.annotations['config.linkerd.io/opaque-ports']").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UDP")]
    [InlineData("SCTP")]
    public void UdpAndSctpPorts_AreReported(string protocol)
    {
        var result = Import(Service("dns", $"  - {{ name: dns, port: 53, protocol: {protocol} }}\n  - {{ name: dns-tcp, port: 53, protocol: TCP }}", "app: dns"));
        var port = Assert.Single(Assert.Single(result.Config!.Services).Ports);
        Assert.Equal(("dns-tcp", 53), (port.Name, port.Port));
        var diagnostic = At(result, "0 $.spec.ports[0]");
        Assert.Equal((DiagnosticCodes.FieldNotImported, DiagnosticSeverity.Warning), (diagnostic.Code, diagnostic.Severity));
        Assert.Contains(protocol, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherServiceFields_AreReportedAtTheirPaths()
    {
        var result = Import("""
            apiVersion: v1
            kind: Service
            metadata: { name: web, namespace: shop }
            spec:
              type: NodePort
              clusterIP: 10.0.0.12
              sessionAffinity: ClientIP
              selector: { app: web }
              ports: [{ name: http, port: 80, nodePort: 30080 }]
            """);
        foreach (var path in new[] { "$.spec.type", "$.spec.clusterIP", "$.spec.sessionAffinity", "$.spec.ports[0].nodePort" })
        {
            var diagnostic = At(result, "0 " + path);
            Assert.Equal((DiagnosticCodes.FieldNotImported, DiagnosticSeverity.Warning), (diagnostic.Code, diagnostic.Severity));
        }
        // The selector is the model service's selector; an info says the default translator does not write it back.
        Assert.Equal(new Dictionary<string, string> { ["app"] = "web" }, Assert.Single(result.Config!.Services).Selector);
        var selector = At(result, "0 $.spec.selector");
        Assert.Equal(DiagnosticSeverity.Info, selector.Severity);
        Assert.Contains("written back only with ServiceOutput All", selector.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("no pod selector", selector.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceWithoutPorts_IsReported()
    {
        var result = Import("apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec: {}\n");
        Assert.Empty(result.Config!.Services);
        Assert.Equal(DiagnosticSeverity.Info, At(result, "0 $.spec").Severity);
    }

    [Fact]
    public void InvalidPortName_IsReportedAndDerived()
    {
        var result = Import(Service("web", "  - { name: Web_Port, port: 80 }"));
        Assert.Equal("http-80", Assert.Single(Assert.Single(result.Config!.Services).Ports).Name);
        Assert.Equal(DiagnosticSeverity.Warning, At(result, "0 $.spec.ports[0].name").Severity);
    }

    [Fact]
    public void RoutesAndServersDecideTheProtocol_TheServiceGivesTheName()
    {
        var result = Import(Service("web", "  - { name: api, port: 9090, appProtocol: http }\n  - { name: other, port: 9091 }") + """
            apiVersion: gateway.networking.k8s.io/v1
            kind: GRPCRoute
            metadata: { name: web, namespace: shop }
            spec:
              parentRefs: [{ group: core, kind: Service, name: web, port: 9090 }]
              rules: [{ backendRefs: [{ name: web, port: 9090 }] }]
            """);
        Assert.Equal(
            [new ServicePort { Name = "api", Port = 9090, Protocol = Protocol.Grpc, TargetPort = 9090 }, new ServicePort { Name = "other", Port = 9091, Protocol = Protocol.Http, TargetPort = 9091 }],
            Assert.Single(result.Config!.Services).Ports);
        Assert.Contains("appProtocol http (http) yields", At(result, "0 $.spec.ports[0]").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NamedServerPort_ResolvesThroughTheTargetPortName()
    {
        var result = Import(Service("web", "  - { name: http, port: 80, targetPort: web }\n  - { name: metrics, port: 9100, targetPort: 9100 }") + Server("web") + Policy);
        var service = Assert.Single(result.Config!.Services);
        Assert.Equal([80, 9100], service.Ports.Select(p => p.Port));
        // The port keeps its target, the container port the Server names.
        Assert.Equal(TargetPort.Named("web"), service.Ports[0].TargetPort);
        var policy = Assert.Single(result.Config.AccessPolicies);
        Assert.Equal(new ServiceRef("web", "shop"), policy.Target!.Service);
        // The service has another port: the rule says which one the Server covers.
        Assert.Equal([80], Assert.Single(policy.Rules).To!.Ports);
        var resolved = At(result, "1 $.spec.port");
        Assert.Equal((DiagnosticCodes.FieldNotImported, DiagnosticSeverity.Info), (resolved.Code, resolved.Severity));
        Assert.Contains("Service 'shop/web' port 80 (targetPort web)", resolved.Message, StringComparison.Ordinal);
        // Written back, the Server names the container port again.
        var server = Assert.Single(Translator.Translate(result.Config).Resources.OfType<Mesh.Providers.Linkerd.Resources.Server>(), s => s.Metadata.Name == "web-80");
        Assert.Equal("web", server.Spec.Port);
        // Port 9100 has no Server: Linkerd's default policy governs it, which the model's allow policy does not say.
        Assert.Contains("port 9100", At(result, "2 $.spec.targetRef").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NamedServerPort_ResolvesThroughThePortName()
    {
        var result = Import(Service("web", "  - { name: web, port: 8080 }") + Server("web") + Policy);
        Assert.Equal(8080, Assert.Single(Assert.Single(result.Config!.Services).Ports).Port);
        Assert.Null(Assert.Single(Assert.Single(result.Config.AccessPolicies).Rules).To);
        var resolved = At(result, "1 $.spec.port");
        Assert.Equal(DiagnosticSeverity.Info, resolved.Severity);
        Assert.Contains("Service 'shop/web' port 8080", resolved.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NamedServerPort_ThroughAPortNameWithAnotherTarget_WarnsThatTheNumberDiffers()
    {
        var result = Import(Service("web", "  - { name: web, port: 80, targetPort: 8080 }") + Server("web") + Policy);
        Assert.Equal(80, Assert.Single(Assert.Single(result.Config!.Services).Ports).Port);
        var resolved = At(result, "1 $.spec.port");
        Assert.Equal(DiagnosticSeverity.Warning, resolved.Severity);
        Assert.Contains("container port 8080", resolved.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NamedServerPort_TargetPortNameWinsOverAPortOfThatName()
    {
        var result = Import(Service("web", "  - { name: web, port: 80, targetPort: 8080 }\n  - { name: main, port: 81, targetPort: web }") + Server("web") + Policy);
        Assert.Equal([81], Assert.Single(Assert.Single(result.Config!.AccessPolicies).Rules).To!.Ports);
    }

    [Fact]
    public void NamedServerPort_WithTwoPortsLeadingToIt_IsAmbiguous()
    {
        var result = Import(Service("web", "  - { name: a, port: 80, targetPort: web }\n  - { name: b, port: 8080, targetPort: web }") + Server("web") + Policy);
        Assert.Empty(result.Config!.AccessPolicies);
        var diagnostic = At(result, "1 $.spec");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("ambiguous", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("port 80 of Service 'shop/web', port 8080 of Service 'shop/web'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NamedServerPort_WithTwoServicesLeadingToDifferentNumbers_IsAmbiguous()
    {
        var result = Import(Service("web", "  - { name: a, port: 80, targetPort: web }") + Service("web-canary", "  - { name: a, port: 8080, targetPort: web }") + Server("web") + Policy);
        Assert.Empty(result.Config!.AccessPolicies);
        Assert.Contains("ambiguous", At(result, "2 $.spec").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NamedServerPort_WithTwoServicesAgreeingOnTheNumber_IsResolved()
    {
        var result = Import(Service("web", "  - { name: a, port: 80, targetPort: web }") + Service("web-internal", "  - { name: a, port: 80, targetPort: web }") + Server("web") + Policy);
        Assert.Single(result.Config!.AccessPolicies);
    }

    [Fact]
    public void NamedServerPort_WithoutAService_SaysTheServiceResolvesIt()
    {
        var result = Import(Server("web") + Policy);
        Assert.Empty(result.Config!.AccessPolicies);
        Assert.Empty(result.Config.Services);
        var diagnostic = At(result, "0 $.spec");
        Assert.Contains("Include the workload's Service in the input", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("app: api", "shop")]
    [InlineData("app: web", "other")]
    [InlineData("tier: web", "shop")]
    public void NamedServerPort_OnlyResolvesThroughServicesOfTheSameWorkloadAndNamespace(string selector, string ns)
    {
        var result = Import(Service("web", "  - { name: http, port: 80, targetPort: web }", selector, ns) + Server("web") + Policy);
        Assert.Empty(result.Config!.AccessPolicies);
        Assert.Contains("Include the workload's Service", At(result, "1 $.spec").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ServerWithANumber_StillNamesItsPortWhenTheServiceHasOthers()
    {
        var result = Import(Service("web", "  - { name: http, port: 80 }\n  - { name: admin, port: 9990 }") + Server("80") + Policy);
        Assert.Equal([80], Assert.Single(Assert.Single(result.Config!.AccessPolicies).Rules).To!.Ports);
    }

    [Fact]
    public void TheSameServiceTwice_IsReported()
    {
        var result = Import(Service("web", "  - { name: http, port: 80 }") + Service("web", "  - { name: http, port: 81 }"));
        Assert.Equal([80], Assert.Single(result.Config!.Services).Ports.Select(p => p.Port));
        Assert.Equal(DiagnosticSeverity.Warning, At(result, "1 $.spec").Severity);
    }

    [Fact]
    public void ServicePortWithoutANumber_IsAnError()
    {
        var result = Translator.ImportYaml(Service("web", "  - { name: http }"), "in.yaml");
        Assert.Null(result.Config);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Path == "in.yaml#0 $.spec.ports[0].port");
    }
}

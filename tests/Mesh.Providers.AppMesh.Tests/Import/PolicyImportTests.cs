using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Validation;
using static Mesh.Providers.AppMesh.Tests.Import.ImportYaml;

namespace Mesh.Providers.AppMesh.Tests.Import;

/// <summary>Retries, timeouts, listener policies, TLS, the Mesh, external services, ingress and the export's annotations.</summary>
public sealed class PolicyImportTests
{
    [Fact]
    public void RetryPolicyAndTimeout_MapEventsAndDurations()
    {
        var result = Read(Service("color") + ColorNodes + Router("""
                - name: r
                  priority: 0
                  httpRoute:
                    match: { prefix: / }
                    action: { weightedTargets: [{ virtualNodeRef: { name: color-blue }, weight: 1 }, { virtualNodeRef: { name: color-red }, weight: 1 }] }
                    retryPolicy: { maxRetries: 4, perRetryTimeout: { value: 2, unit: s }, httpRetryEvents: [server-error, gateway-error], tcpRetryEvents: [connection-error] }
                    timeout: { perRequest: { value: 1500, unit: ms }, idle: { value: 10, unit: s } }
            """) + "\n");
        var rule = result.Config!.Routes.Single().Rules.Single();
        Assert.Equal(4, rule.Retry!.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(2), rule.Retry.PerTryTimeout);
        Assert.Equal([RetryCondition.ConnectFailure, RetryCondition.GatewayError, RetryCondition.ServerError], rule.Retry.On.OrderBy(c => c.ToString()));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), rule.Timeout);
        Assert.Equal(DiagnosticCodes.FieldNotImported, At(result, "#4 $.spec.routes[0].httpRoute.timeout.idle").Code);
    }

    [Fact]
    public void UnknownDurationUnitAndRetryEvent_AreInvalid()
    {
        var result = Read(Service("color") + ColorNodes + Router("""
                - name: r
                  httpRoute:
                    match: { prefix: / }
                    action: { weightedTargets: [{ virtualNodeRef: { name: color-blue }, weight: 1 }] }
                    retryPolicy: { maxRetries: 1, perRetryTimeout: { value: 2, unit: h }, httpRetryEvents: [teapot] }
            """) + "\n");
        Assert.True(At(result, "#4 $.spec.routes[0].httpRoute.retryPolicy.perRetryTimeout.unit").IsError);
        Assert.True(At(result, "#4 $.spec.routes[0].httpRoute.retryPolicy.httpRetryEvents[0]").IsError);
    }

    [Fact]
    public void ConnectionPoolAndOutlierDetection_BecomeTheDestinationPolicyOfTheNodesTarget()
    {
        var pooled = Node("color-blue", "app: color, version: blue", extra: """
                  connectionPool: { http: { maxConnections: 10, maxPendingRequests: 5 } }
                  outlierDetection: { maxServerErrors: 3, interval: { value: 10, unit: s }, baseEjectionDuration: { value: 30, unit: s }, maxEjectionPercent: 50 }
            """);
        var result = Read(Service("color") + pooled + Node("color-red", "app: color, version: red") + Router("""
                - name: r
                  httpRoute: { match: { prefix: / }, action: { weightedTargets: [{ virtualNodeRef: { name: color-blue }, weight: 1 }, { virtualNodeRef: { name: color-red }, weight: 1 }] } }
            """) + "\n");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var policy = Assert.Single(result.Config!.DestinationPolicies);
        Assert.Equal(new PolicyTarget { Service = new ServiceRef("color", "shop"), Subset = "blue" }, policy.Target);
        Assert.Equal((10, 5), (policy.ConnectionPool!.MaxConnections!.Value, policy.ConnectionPool.MaxPendingRequests!.Value));
        Assert.Equal(3, policy.OutlierDetection!.Consecutive5xx);
        Assert.Equal(TimeSpan.FromSeconds(30), policy.OutlierDetection.BaseEjectionTime);
        Assert.Equal(50, policy.OutlierDetection.MaxEjectionPercent);
    }

    [Fact]
    public void ListenerTls_BecomesAWorkloadMtlsPolicy_CertificatesReported()
    {
        var tls = Node("color-blue", "app: color, version: blue", extra: """
                  tls:
                    mode: STRICT
                    certificate: { file: { certificateChain: /c.pem, privateKey: /k.pem } }
                    validation: { trust: { file: { certificateChain: /ca.pem } } }
            """);
        var result = Read(tls);
        var policy = Assert.Single(result.Config!.Mtls);
        Assert.Equal(MtlsMode.Strict, policy.Mode);
        Assert.Equal("shop", policy.Scope.Namespace);
        Assert.Null(policy.Scope.Port);
        Assert.Equal("blue", policy.Scope.Workload["version"]);
        Assert.Equal(DiagnosticSeverity.Info, At(result, "#0 $.spec.listeners[0].tls.certificate").Severity);
        Assert.Equal(DiagnosticSeverity.Warning, At(result, "#0 $.spec.listeners[0].tls.validation").Severity);
    }

    [Fact]
    public void ListenersThatDisagree_GivePortScopedPolicies()
    {
        var yaml = """
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualNode
            metadata: { name: api, namespace: shop }
            spec:
              podSelector: { matchLabels: { app: api } }
              listeners:
                - { portMapping: { port: 8080, protocol: http }, tls: { mode: STRICT } }
                - { portMapping: { port: 9090, protocol: grpc }, tls: { mode: PERMISSIVE } }
            """;
        var result = Read(yaml);
        Assert.Equal([(8080, MtlsMode.Strict), (9090, MtlsMode.Permissive)], result.Config!.Mtls.Select(m => (m.Scope.Port!.Value, m.Mode)).Order());
    }

    [Fact]
    public void MeshEgressFilter_IsTheMeshWideOutboundPolicy()
    {
        var allow = Read("""
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: Mesh
            metadata: { name: m }
            spec: { egressFilter: { type: ALLOW_ALL }, namespaceSelector: { matchLabels: { mesh: m } } }
            """);
        Assert.Empty(allow.Config!.Outbound);
        Assert.Equal(DiagnosticSeverity.Info, At(allow, "#0 $.spec.egressFilter.type").Severity);
        Assert.Equal(DiagnosticSeverity.Info, At(allow, "#0 $.spec.namespaceSelector").Severity);
        var drop = Read("""
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: Mesh
            metadata: { name: m }
            spec: { egressFilter: { type: DROP_ALL } }
            """);
        Assert.Equal([new OutboundPolicy { Mode = OutboundMode.RegistryOnly }], drop.Config!.Outbound);
        Assert.Equal(DiagnosticSeverity.Info, At(drop, "#0 $.spec.egressFilter.type").Severity);
        var unset = Read("""
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: Mesh
            metadata: { name: m }
            spec: { }
            """);
        Assert.Equal([new OutboundPolicy { Mode = OutboundMode.RegistryOnly }], unset.Config!.Outbound);
        Assert.Equal(DiagnosticSeverity.Info, At(unset, "#0 $.spec.egressFilter").Severity);
    }

    [Fact]
    public void ExternalDnsNode_WithAVirtualService_IsAnExternalService()
    {
        var yaml = Node("payments", "", hostname: "api.payments.example.com", port: "443", protocol: "tcp").Replace("  podSelector: { matchLabels: {  } }\n", "", StringComparison.Ordinal)
            + """
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualService
            metadata: { name: payments, namespace: shop }
            spec:
              awsName: api.payments.example.com
              provider: { virtualNode: { virtualNodeRef: { name: payments } } }
            """;
        var result = Read(yaml);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var external = Assert.Single(result.Config!.ExternalServices);
        Assert.Equal(("payments", "shop"), (external.Name, external.Namespace));
        Assert.Equal(["api.payments.example.com"], external.Hosts);
        Assert.Equal(443, external.Ports.Single().Port);
        Assert.DoesNotContain(result.Config.Services, s => s.Name == "payments");
    }

    [Fact]
    public void TemplatePlaceholders_AreKeptVerbatim_AndTheModelValidates()
    {
        var yaml = (Service("color") + ColorNodes + Router("""
                - name: r
                  httpRoute: { match: { prefix: / }, action: { weightedTargets: [{ virtualNodeRef: { name: color-blue }, weight: 1 }, { virtualNodeRef: { name: color-red }, weight: 1 }] } }
            """)).Replace("namespace: shop", "namespace: \"${APP_NAMESPACE}\"", StringComparison.Ordinal).Replace(".shop.svc", ".${APP_NAMESPACE}.svc", StringComparison.Ordinal);
        var result = Read(yaml);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var color = Assert.Single(result.Config!.Services, s => s.Name == "color");
        Assert.Equal("${APP_NAMESPACE}", color.Namespace);
        Assert.Equal(new ServiceRef("color", "${APP_NAMESPACE}"), result.Config.Routes.Single().Host);
        Assert.DoesNotContain(MeshValidator.Validate(result.Config), d => d.IsError);
    }

    [Fact]
    public void SubsetAnnotations_GiveTheExactSubsetNameAndSelector()
    {
        var yaml = Service("reviews", "virtualRouter: { virtualRouterRef: { name: color } }") + """
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualNode
            metadata:
              name: reviews-canary
              namespace: shop
              annotations: { mesh-sdk.io/subset-of: reviews/v2, mesh-sdk.io/parent-selector: "app=reviews,tier=web" }
            spec:
              podSelector: { matchLabels: { app: reviews, tier: web, track: canary } }
              listeners: [{ portMapping: { port: 9080, protocol: http } }]
              serviceDiscovery: { dns: { hostname: reviews-canary.shop.svc.cluster.local } }
            ---
            """ + "\n" + Router("""
                - name: r
                  httpRoute: { match: { prefix: / }, action: { weightedTargets: [{ virtualNodeRef: { name: reviews-canary }, weight: 1 }] } }
            """, "- portMapping: { port: 9080, protocol: http }");
        var result = Read(yaml);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var reviews = Assert.Single(result.Config!.Services, s => s.Name == "reviews");
        Assert.Equal(new Dictionary<string, string> { ["app"] = "reviews", ["tier"] = "web" }, reviews.Selector);
        var subset = Assert.Single(reviews.Subsets);
        Assert.Equal("v2", subset.Name);
        Assert.Equal(new Dictionary<string, string> { ["track"] = "canary" }, subset.Labels);
        Assert.DoesNotContain(result.Diagnostics, d => d.Path.Contains("mesh-sdk.io", StringComparison.Ordinal));
    }

    [Fact]
    public void AnnotatedSubsetNode_StaysItsParentsSubset_WhenItsLabelsAlsoSelectTheRoutingHost()
    {
        // details selects app=details; checkout selects app=details,tier=web and its subset v3 overrides tier. The v3 node's
        // labels are a proper superset of details' selector, yet its annotations say it is checkout/v3 — and so must the import.
        var checkout = new ServiceRef("checkout", "shop");
        var details = new ServiceRef("details", "shop");
        var model = new MeshConfig
        {
            Name = "shop",
            Services =
            [
                new MeshService { Name = "details", Namespace = "shop", Selector = new Dictionary<string, string> { ["app"] = "details" }, Ports = [new ServicePort { Port = 7000, Protocol = Protocol.Tcp }] },
                new MeshService
                {
                    Name = "checkout", Namespace = "shop",
                    Selector = new Dictionary<string, string> { ["app"] = "details", ["tier"] = "web" },
                    Ports = [new ServicePort { Port = 7000, Protocol = Protocol.Tcp }],
                    Subsets = [new Subset { Name = "v3", Labels = new Dictionary<string, string> { ["tier"] = "prod" } }],
                },
            ],
            TcpRoutes = [new TcpRoute { Name = "details-tcp", Namespace = "shop", Host = details, Backends = [new WeightedBackend { Service = checkout, Subset = "v3", Weight = 1 }] }],
        };
        var translator = new AppMeshTranslator();
        var yaml = translator.WriteYaml(translator.Translate(model).Resources);
        var result = translator.ImportYaml(yaml, "x.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var backend = Assert.Single(Assert.Single(result.Config!.TcpRoutes).Backends);
        Assert.Equal((checkout, "v3"), (backend.Service, backend.Subset));
        Assert.Empty(Assert.Single(result.Config.Services, s => s.Name == "details").Subsets);
    }

    [Fact]
    public void NodeProvidingItsOwnVirtualService_AndRoutedByAnotherHost_IsReportedAtThatProvider()
    {
        var yaml = Service("color") + Service("color-blue", "virtualNode: { virtualNodeRef: { name: color-blue } }") + ColorNodes + Router("""
                - name: r
                  priority: 0
                  httpRoute: { match: { prefix: / }, action: { weightedTargets: [{ virtualNodeRef: { name: color-blue }, weight: 1 }, { virtualNodeRef: { name: color-green }, weight: 1 }] } }
            """);
        var result = Read(yaml);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var note = Assert.Single(result.Diagnostics, d => d.Message.Contains("is also a target of color.shop", StringComparison.Ordinal));
        Assert.EndsWith("#1 $.spec.provider", note.Path, StringComparison.Ordinal);
        var backends = Assert.Single(Assert.Single(result.Config!.Routes).Rules).Backends;
        Assert.Equal([(new ServiceRef("color", "shop"), "blue"), (new ServiceRef("color", "shop"), "green")], backends.Select(b => (b.Service, b.Subset!)));
    }

    [Fact]
    public void TwoServicesWithOneSelector_StayTwoServices_WhenEachNodeNamesItsOwnService()
    {
        // details and api select the same pods; api's router sends to details' node, which names the Service details.
        var api = new ServiceRef("api", "shop");
        var details = new ServiceRef("details", "shop");
        var selector = new Dictionary<string, string> { ["app"] = "api" };
        var model = new MeshConfig
        {
            Name = "shop",
            Services =
            [
                new MeshService { Name = "api", Namespace = "shop", Selector = selector, Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http }] },
                new MeshService { Name = "details", Namespace = "shop", Selector = selector, Ports = [new ServicePort { Port = 9080, Protocol = Protocol.Http, TargetPort = 8080 }] },
            ],
            Routes = [new HttpRoute { Name = "api", Namespace = "shop", Host = api, Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = details, Port = 9080 }] }] }],
        };
        var translator = new AppMeshTranslator(new AppMeshOptions { ServiceOutput = Mesh.Translation.ServiceOutput.All });
        var result = translator.ImportYaml(translator.WriteYaml(translator.Translate(model).Resources), "x.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var backend = Assert.Single(Assert.Single(result.Config!.Routes).Rules.Single().Backends);
        Assert.Equal(details, backend.Service);
        Assert.Equal(["api", "details"], result.Config.Services.Select(s => s.Name).Order());
    }

    [Fact]
    public void NodeFieldsTheModelDoesNotCarry_AreReportedAtTheirPaths()
    {
        var result = Read(Node("api", "app: api", extra: """
                  healthCheck: { protocol: http, path: /ping, healthyThreshold: 2, unhealthyThreshold: 2, timeoutMillis: 2000, intervalMillis: 5000 }
                  timeout: { http: { perRequest: { value: 5, unit: s } } }
              backends: [{ virtualService: { virtualServiceRef: { name: color } } }]
              logging: { accessLog: { file: { path: /dev/stdout } } }
            """));
        foreach (var path in new[] { "$.spec.listeners[0].healthCheck", "$.spec.listeners[0].timeout", "$.spec.backends" })
        {
            Assert.Equal(DiagnosticCodes.FieldNotImported, At(result, "#0 " + path).Code);
        }
        // The access log is carried (the node's workload logs), so it is not reported.
        Assert.DoesNotContain(result.Diagnostics, d => d.Path.Contains("$.spec.logging", StringComparison.Ordinal));
        Assert.Equal([new TelemetryPolicy { AccessLogging = true }], result.Config!.Telemetry);
    }
}

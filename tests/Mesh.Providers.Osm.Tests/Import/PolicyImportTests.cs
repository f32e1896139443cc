using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Validation;
using static Mesh.Providers.Osm.Tests.Import.ImportYaml;

namespace Mesh.Providers.Osm.Tests.Import;

/// <summary>Retry → route retry policies, UpstreamTrafficSetting → connection pools, Egress → external services, MeshConfig → mTLS and permissive mode.</summary>
public sealed class PolicyImportTests
{
    private static readonly ServiceRef BookstoreRef = new("bookstore", "bookstore");

    private static string Retry(string name, string account, string destinations, string policy = "{ retryOn: 5xx, perTryTimeout: 1s, numRetries: 5, retryBackoffBaseInterval: 1s }") => $$"""
        kind: Retry
        apiVersion: policy.openservicemesh.io/v1alpha1
        metadata: { name: {{name}}, namespace: bookbuyer }
        spec:
          source: { kind: ServiceAccount, name: {{account}}, namespace: bookbuyer }
          destinations: {{destinations}}
          retryPolicy: {{policy}}
        ---

        """;

    [Fact]
    public void Retry_IsTheRetryPolicyOfTheDestinationsRoute_TheSourceReported()
    {
        var result = ReadValid(Bookstore + Split("bookstore-split", "bookstore", "[{ service: bookstore-v1, weight: 1 }]")
            + Retry("retry", "bookbuyer", "[{ kind: Service, name: bookstore, namespace: bookstore }]", "{ retryOn: \"5xx,reset\", perTryTimeout: 250ms, numRetries: 3, retryBackoffBaseInterval: 10ms }"));
        var retry = Assert.Single(result.Config!.Routes).Rules.Single().Retry!;
        Assert.Equal(3, retry.Attempts);
        Assert.Equal(TimeSpan.FromMilliseconds(250), retry.PerTryTimeout);
        Assert.Equal([RetryCondition.ServerError, RetryCondition.Reset], retry.On);
        Assert.Equal(TimeSpan.FromMilliseconds(10), retry.Backoff!.BaseInterval);
        Assert.Equal(DiagnosticSeverity.Info, At(result, "#5 $.spec.source").Severity);
    }

    [Fact]
    public void Retry_OfAnUnroutedDestination_GetsARouteOfItsOwn()
    {
        var result = ReadValid(Bookstore + Retry("retry", "bookbuyer", "[{ kind: Service, name: bookstore, namespace: bookstore }]"));
        var route = Assert.Single(result.Config!.Routes);
        Assert.Equal(("bookstore", "bookstore"), (route.Name, route.Namespace));
        Assert.Equal(BookstoreRef, route.Rules.Single().Backends.Single().Service);
        Assert.Equal(5, route.Rules.Single().Retry!.Attempts);
        Assert.DoesNotContain(MeshValidator.Validate(result.Config), d => d.IsError);
    }

    [Fact]
    public void TwoRetries_WithOtherPolicies_ForOneDestination_TheFirstIsKept()
    {
        var result = ReadValid(Bookstore
            + Retry("b-retry", "bookbuyer", "[{ kind: Service, name: bookstore, namespace: bookstore }]", "{ retryOn: 5xx, perTryTimeout: 1s, numRetries: 2, retryBackoffBaseInterval: 1s }")
            + Retry("a-retry", "bookthief", "[{ kind: Service, name: bookstore, namespace: bookstore }]"));
        Assert.Equal(5, Assert.Single(result.Config!.Routes).Rules.Single().Retry!.Attempts);
        Assert.Contains("bookbuyer/a-retry", At(result, "#4 $.spec.destinations[0]").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownRetryCondition_IsReported()
    {
        var result = ReadValid(Bookstore + Retry("retry", "bookbuyer", "[{ kind: Service, name: bookstore }]", "{ retryOn: \"5xx,sometimes\", perTryTimeout: 1s, numRetries: 1, retryBackoffBaseInterval: 1s }"));
        Assert.Equal(DiagnosticSeverity.Warning, At(result, "#4 $.spec.retryPolicy.retryOn").Severity);
    }

    [Fact]
    public void UpstreamTrafficSetting_IsAConnectionPool_TcpRateLimitsReported()
    {
        var result = ReadValid(Bookstore + """
            apiVersion: policy.openservicemesh.io/v1alpha1
            kind: UpstreamTrafficSetting
            metadata: { name: bookstore, namespace: bookstore }
            spec:
              host: bookstore.bookstore.svc.cluster.local
              connectionSettings:
                tcp: { maxConnections: 100, connectTimeout: 5s }
                http: { maxRequests: 10, maxRequestsPerConnection: 2, maxPendingRequests: 3, maxRetries: 4 }
              rateLimit: { local: { tcp: { connections: 100, unit: minute } } }
            """);
        var policy = Assert.Single(result.Config!.DestinationPolicies);
        Assert.Equal(BookstoreRef, policy.Target.Service);
        Assert.Equal(new ConnectionPool { MaxConnections = 100, ConnectTimeout = TimeSpan.FromSeconds(5), MaxRequests = 10, MaxRequestsPerConnection = 2, MaxPendingRequests = 3, MaxRetries = 4 }, policy.ConnectionPool);
        Assert.Equal(DiagnosticSeverity.Warning, At(result, "#4 $.spec.rateLimit.local.tcp").Severity);
        Assert.Null(policy.RateLimit);
    }

    [Fact]
    public void UpstreamTrafficSetting_RateLimit_IsTheDestinationsRateLimit_AndWhatTheModelLacksIsReported()
    {
        var result = ReadValid(Bookstore + """
            apiVersion: policy.openservicemesh.io/v1alpha1
            kind: UpstreamTrafficSetting
            metadata: { name: bookstore, namespace: bookstore }
            spec:
              host: bookstore.bookstore.svc.cluster.local
              rateLimit:
                local:
                  http: { requests: 10, unit: minute, burst: 5, responseHeadersToAdd: [{ name: x-limited, value: "1" }] }
              httpRoutes:
                - { path: "/books/.*", rateLimit: { local: { requests: 1, unit: second } } }
                - { path: "/books/.*", rateLimit: { local: { requests: 2, unit: second } } }
                - { path: "/stats", rateLimit: { local: { requests: 3, unit: hour, responseStatusCode: 503 } } }
            """);
        var policy = Assert.Single(result.Config!.DestinationPolicies);
        Assert.Equal(new LocalRateLimit
        {
            Requests = 10,
            Interval = TimeSpan.FromMinutes(1),
            Burst = 15,
            Routes = [new RouteRateLimit { Path = PathMatch.Prefix("/books/"), Requests = 1 }, new RouteRateLimit { Path = PathMatch.Exact("/stats"), Requests = 3, Interval = TimeSpan.FromHours(1) }],
        }, policy.RateLimit);
        Assert.Equal(DiagnosticSeverity.Warning, At(result, "#4 $.spec.rateLimit.local.http.responseHeadersToAdd").Severity);
        Assert.Equal(DiagnosticSeverity.Warning, At(result, "#4 $.spec.httpRoutes[1]").Severity);
        Assert.Equal(DiagnosticSeverity.Warning, At(result, "#4 $.spec.httpRoutes[2].rateLimit.local.responseStatusCode").Severity);
    }

    [Fact]
    public void UpstreamTrafficSetting_OfALeafService_IsTheSubsetsPolicy()
    {
        var result = ReadValid(Bookstore + Split("s", "bookstore", "[{ service: bookstore-v1, weight: 1 }]") + """
            apiVersion: policy.openservicemesh.io/v1alpha1
            kind: UpstreamTrafficSetting
            metadata: { name: bookstore-v1, namespace: bookstore }
            spec: { host: bookstore-v1.bookstore.svc.cluster.local, connectionSettings: { tcp: { maxConnections: 1 } } }
            """);
        var target = Assert.Single(result.Config!.DestinationPolicies).Target;
        Assert.Equal((BookstoreRef, "v1"), (target.Service, target.Subset));
    }

    [Fact]
    public void UpstreamTrafficSetting_OfAnEgressHost_IsTheExternalServicesPolicy()
    {
        var result = ReadValid(Bookstore + """
            kind: Egress
            apiVersion: policy.openservicemesh.io/v1alpha1
            metadata: { name: httpbin, namespace: bookbuyer }
            spec:
              sources: [{ kind: ServiceAccount, name: bookbuyer, namespace: bookbuyer }]
              hosts: [httpbin.org]
              ports: [{ number: 80, protocol: http }]
            ---
            apiVersion: policy.openservicemesh.io/v1alpha1
            kind: UpstreamTrafficSetting
            metadata: { name: httpbin, namespace: bookbuyer }
            spec: { host: httpbin.org, connectionSettings: { tcp: { maxConnections: 1 } } }
            """);
        Assert.Equal(new ServiceRef("httpbin", "bookbuyer"), Assert.Single(result.Config!.DestinationPolicies).Target.Service);
        Assert.DoesNotContain(result.Config.Services, s => s.Name == "httpbin");
    }

    [Fact]
    public void ExternalServicesConnectionPool_ExportsOnItsHost_AndReadsBack()
    {
        var model = new MeshConfig
        {
            Name = "imported",
            Services = [Export.Models.Service("bookbuyer", "bookbuyer", Export.Models.Http(14001))],
            ExternalServices = [new ExternalService { Name = "httpbin", Namespace = "bookbuyer", Hosts = ["httpbin.org"], Ports = [Export.Models.Http(80)] }],
            DestinationPolicies = [new DestinationPolicy { Target = new PolicyTarget { Service = new ServiceRef("httpbin", "bookbuyer") }, ConnectionPool = new ConnectionPool { MaxConnections = 5 } }],
        };
        var translator = new OsmTranslator(new OsmOptions { ServiceOutput = Mesh.Translation.ServiceOutput.All });
        var translated = translator.Translate(model);
        Assert.Equal("httpbin.org", Assert.Single(translated.Resources.OfType<Resources.UpstreamTrafficSetting>()).Spec.Host);
        var back = translator.ImportYaml(translator.WriteYaml(translated.Resources), "back.yaml");
        Assert.DoesNotContain(back.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Equal(model.Normalize(), back.Config);
    }

    [Fact]
    public void Egress_IsAnExternalService_SourcesNoted()
    {
        var result = ReadValid(Bookstore + """
            kind: Egress
            apiVersion: policy.openservicemesh.io/v1alpha1
            metadata: { name: httpbin, namespace: bookbuyer }
            spec:
              sources: [{ kind: ServiceAccount, name: bookbuyer, namespace: bookbuyer }]
              hosts: [httpbin.org]
              ipAddresses: [10.0.0.0/8]
              ports: [{ number: 80, protocol: http }, { number: 443, protocol: https }]
            """);
        var external = Assert.Single(result.Config!.ExternalServices);
        Assert.Equal(("httpbin", "bookbuyer"), (external.Name, external.Namespace));
        Assert.Equal(["httpbin.org"], external.Hosts);
        Assert.Equal(["10.0.0.0/8"], external.Addresses);
        Assert.Equal([(80, Protocol.Http), (443, Protocol.Tls)], external.Ports.Select(p => (p.Port, p.Protocol)));
        Assert.Equal(DiagnosticSeverity.Info, At(result, "#4 $.spec.sources").Severity);
    }

    [Fact]
    public void Egress_WithoutHosts_IsReported()
    {
        var result = ReadValid("""
            kind: Egress
            apiVersion: policy.openservicemesh.io/v1alpha1
            metadata: { name: tcp-443, namespace: curl }
            spec:
              sources: [{ kind: ServiceAccount, name: curl, namespace: curl }]
              ports: [{ number: 443, protocol: tcp }]
            """);
        Assert.Empty(result.Config!.ExternalServices);
        Assert.Equal(DiagnosticSeverity.Warning, At(result, "#0 $.spec").Severity);
    }

    [Fact]
    public void MeshConfig_StrictAnnotation_IsMeshWideMtls_InstallSettingsOutOfScope()
    {
        var result = ReadValid("""
            apiVersion: config.openservicemesh.io/v1alpha2
            kind: MeshConfig
            metadata: { name: osm-mesh-config, namespace: osm-system, annotations: { mesh-sdk.io/mtls: strict } }
            spec:
              sidecar: { logLevel: error }
              traffic: { enablePermissiveTrafficPolicyMode: true, enableEgress: false }
              featureFlags: { enableRetryPolicy: true }
            """);
        Assert.Equal(new MtlsPolicy { Scope = MtlsScope.Mesh, Mode = MtlsMode.Strict }, Assert.Single(result.Config!.Mtls));
        Assert.Equal(DiagnosticCodes.OutOfScope, At(result, "#0 $.spec.sidecar").Code);
        // Egress off is a mesh-wide registry-only outbound policy.
        Assert.Equal([new OutboundPolicy { Mode = OutboundMode.RegistryOnly }], result.Config.Outbound);
        Assert.DoesNotContain(result.Diagnostics, d => d.Path.EndsWith("enableEgress", StringComparison.Ordinal));
        Assert.Equal(DiagnosticSeverity.Info, At(result, "#0 $.spec.featureFlags.enableRetryPolicy").Severity);
        Assert.Equal(DiagnosticSeverity.Info, At(result, "#0 $.spec.traffic.enablePermissiveTrafficPolicyMode").Severity);
    }

    [Fact]
    public void MeshConfig_NotPermissive_WithoutTrafficTargets_IsReported()
    {
        var result = ReadValid(Bookstore + """
            apiVersion: config.openservicemesh.io/v1alpha2
            kind: MeshConfig
            metadata: { name: osm-mesh-config, namespace: osm-system }
            spec: { traffic: { enablePermissiveTrafficPolicyMode: false } }
            """);
        Assert.Equal(DiagnosticSeverity.Warning, At(result, "#4 $.spec.traffic.enablePermissiveTrafficPolicyMode").Severity);
    }

    [Fact]
    public void IngressBackend_IsAnAllowPolicyFromTheIngressServiceAndIpRanges_ToTheBackendPort()
    {
        var result = ReadValid(Service("httpbin", "httpbin", "app: httpbin") + """
            kind: IngressBackend
            apiVersion: policy.openservicemesh.io/v1alpha1
            metadata: { name: httpbin, namespace: httpbin }
            spec:
              backends: [{ name: httpbin, port: { number: 14001, protocol: http } }]
              sources:
                - { kind: Service, namespace: ingress-nginx, name: ingress-nginx-controller }
                - { kind: IPRange, name: 10.0.0.0/8 }
            """);
        var policy = Assert.Single(result.Config!.AccessPolicies);
        Assert.Equal(("httpbin", "httpbin", AccessAction.Allow, new ServiceRef("httpbin", "httpbin")), (policy.Name, policy.Namespace, policy.Action, policy.Target!.Service));
        var rule = Assert.Single(policy.Rules);
        Assert.Equal([new ServiceRef("ingress-nginx-controller", "ingress-nginx")], rule.From!.Services);
        Assert.Equal(["10.0.0.0/8"], rule.From.IpBlocks);
        Assert.Equal([14001], rule.To!.Ports);
        // The ingress controller's Service is not in the input: declared from the reference, so the model validates.
        Assert.Contains(result.Config.Services, s => s.Reference == new ServiceRef("ingress-nginx-controller", "ingress-nginx"));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.ServiceInferred && d.Path == "$.spec.accessPolicies[0].rules[0].from.services[0]");
        Assert.DoesNotContain(MeshValidator.Validate(result.Config), d => d.IsError);
    }

    [Fact]
    public void IngressBackend_ReportsWhatTheModelDoesNotSay_AndReadsEachBackendAsAPolicy()
    {
        var result = ReadValid("""
            kind: IngressBackend
            apiVersion: policy.openservicemesh.io/v1alpha1
            metadata: { name: edge, namespace: shop }
            spec:
              backends:
                - { name: web, port: { number: 8443, protocol: https }, tls: { skipClientCertValidation: true } }
                - { name: api, port: { number: 8080, protocol: http } }
              sources:
                - { kind: IPRange, name: 192.168.0.0/16 }
                - { kind: AuthenticatedPrincipal, name: ingress.edge.cluster.local }
              matches: [{ apiGroup: gateway.networking.k8s.io/v1, kind: Gateway, name: edge }]
            """);
        Assert.Equal(["edge-api", "edge-web"], result.Config!.AccessPolicies.Select(p => p.Name));
        Assert.All(result.Config.AccessPolicies, p => Assert.Equal(["192.168.0.0/16"], Assert.Single(p.Rules).From!.IpBlocks));
        Assert.Equal(DiagnosticCodes.FieldNotImported, At(result, "#0 $.spec.backends[0].port.protocol").Code);
        Assert.Equal(DiagnosticCodes.FieldNotImported, At(result, "#0 $.spec.backends[0].tls").Code);
        Assert.Equal(DiagnosticCodes.FieldNotImported, At(result, "#0 $.spec.sources[1]").Code);
        Assert.Equal(DiagnosticCodes.FieldNotImported, At(result, "#0 $.spec.matches").Code);
    }

    [Theory]
    [InlineData("backends: [{ name: web, port: { protocol: http } }]\n  sources: [{ kind: IPRange, name: 10.0.0.0/8 }]", "#0 $.spec.backends[0].port.number", true)]
    [InlineData("backends: [{ name: web, port: { number: 80, protocol: grpc } }]\n  sources: [{ kind: IPRange, name: 10.0.0.0/8 }]", "#0 $.spec.backends[0].port.protocol", true)]
    [InlineData("backends: [{ name: Web, port: { number: 80, protocol: http } }]\n  sources: [{ kind: IPRange, name: 10.0.0.0/8 }]", "#0 $.spec.backends[0].name", true)]
    [InlineData("backends: [{ name: web, port: { number: 80, protocol: http } }]\n  sources: [{ kind: IPRange, name: 10.0.0.300/8 }]", "#0 $.spec.sources[0].name", false)]
    [InlineData("backends: [{ name: web, port: { number: 80, protocol: http } }]\n  sources: [{ kind: Pod, name: web }]", "#0 $.spec.sources[0].kind", false)]
    public void IngressBackend_BadInput_IsADiagnosticWithAPath(string spec, string path, bool invalid)
    {
        var result = Read($$"""
            kind: IngressBackend
            apiVersion: policy.openservicemesh.io/v1alpha1
            metadata: { name: edge, namespace: shop }
            spec:
              {{spec}}
            """);
        var diagnostic = At(result, path);
        Assert.Equal(invalid ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Empty(result.Config?.AccessPolicies ?? []);
    }
}

using CsCheck;
using Mesh.Model;
using Mesh.Providers.Conformance.Schema;
using Mesh.Providers.Conformance.Suites;
using Mesh.Providers.Conformance.Support;
using Mesh.Providers.Linkerd.Tests.Generators;
using Mesh.Translation;

namespace Mesh.Providers.Linkerd.Tests.Conformance;

/// <summary>300 generated models per property (typed and YAML), 100 for determinism.</summary>
public sealed class LinkerdRoundTrip : RoundTripSuite
{
    protected override ITranslator Translator { get; } = new LinkerdTranslator();

    protected override Gen<MeshConfig> ModelsWithinCapabilities => LinkerdModels.WithinCapabilities;
}

/// <summary>The same property with HTTP routes written as <c>gateway.networking.k8s.io/v1</c>.</summary>
public sealed class LinkerdGatewayApiRoundTrip : RoundTripSuite
{
    protected override ITranslator Translator { get; } = new LinkerdTranslator(new LinkerdOptions { RouteApi = LinkerdRouteApi.GatewayApi });

    protected override Gen<MeshConfig> ModelsWithinCapabilities => LinkerdModels.WithinCapabilities;

    protected override long Iterations => Soak.Scale(150);
}

/// <summary>
/// Output validated strictly against <c>crds/linkerd/install_crds_with_gateway_api.golden.yaml</c>: 150 generated models plus
/// the routing, security, TCP and egress samples (Server, AuthorizationPolicy, MeshTLSAuthentication, NetworkAuthentication,
/// policy HTTPRoute, v1alpha2 TCPRoute, EgressNetwork, and the egress routes on it: HTTPRoute, GRPCRoute, and <c>v1alpha2</c>
/// TLSRoute and TCPRoute; ExternalWorkload).
/// </summary>
public sealed class LinkerdSchema : SchemaSuite
{
    /// <summary>The translator writing every Service too: routes and policies against their CRDs, Services against the core Service schema.</summary>
    protected override ITranslator Translator { get; } = new LinkerdTranslator(new LinkerdOptions { ServiceOutput = ServiceOutput.All });

    protected override IReadOnlyList<string> CrdFiles => ["crds/linkerd/install_crds_with_gateway_api.golden.yaml"];

    protected override string CorpusFolder => "examples/linkerd";

    protected override Gen<MeshConfig> Models => LinkerdModels.Any;

    protected override IEnumerable<MeshConfig> SampleModels => [Samples.Routing, Samples.Security, Samples.Tcp, Samples.Egress, Samples.EgressRoutes, Egress.ExternalWorkloadTests.Sample, .. RepositorySamples.MeshYaml()];

    /// <summary>What the API server rejects in the output for generated models, left alone (see the reason).</summary>
    protected override IReadOnlyList<KnownRejection> KnownRejections =>
    [
        new("Must have port for Service reference", "a backend without a port, whose service the model does not give exactly one port: written without one and reported (MESH2101: the API server will reject it), as choosing a port or leaving the backend out would send its traffic elsewhere"),
    ];

    /// <summary>On the Gateway API routes: a regex match beside a ReplacePrefixMatch rewrite in an HTTPRoute rule, a parentRef given twice.</summary>
    protected override IEnumerable<Action<System.Text.Json.Nodes.JsonNode>> RuleViolations(System.Text.Json.Nodes.JsonNode resource) =>
        GatewayApiRuleViolations.Of(resource);

    /// <summary>The golden file Linkerd installs serves TCPRoute as v1alpha2 only, the version this provider writes.</summary>
    [Fact]
    public void Crds_ServeTcpRouteAsV1Alpha2Only()
    {
        var kinds = new CrdSchemaSet(CrdFiles.Select(ConformancePaths.Require)).Kinds;
        Assert.Contains("gateway.networking.k8s.io/v1alpha2/TCPRoute", kinds);
        Assert.DoesNotContain("gateway.networking.k8s.io/v1/TCPRoute", kinds);
    }
}

/// <summary>Gateway API output of the Linkerd provider validated against the Gateway API CRDs Linkerd ships.</summary>
public sealed class LinkerdGatewayApiSchema : SchemaSuite
{
    /// <summary>The Gateway API route form, with every Service written (checked against the core Service schema).</summary>
    protected override ITranslator Translator { get; } = new LinkerdTranslator(new LinkerdOptions { RouteApi = LinkerdRouteApi.GatewayApi, ServiceOutput = ServiceOutput.All });

    protected override IReadOnlyList<string> CrdFiles => ["crds/linkerd/install_crds_with_gateway_api.golden.yaml"];

    protected override string CorpusFolder => "examples/linkerd";

    protected override Gen<MeshConfig> Models => LinkerdModels.Any;

    protected override IEnumerable<MeshConfig> SampleModels => [Samples.Routing, Samples.Security, Samples.Tcp, Samples.Egress, Samples.EgressRoutes, Egress.ExternalWorkloadTests.Sample, .. RepositorySamples.MeshYaml()];

    /// <summary>What the API server rejects in the output for generated models, left alone (see the reason).</summary>
    protected override IReadOnlyList<KnownRejection> KnownRejections =>
    [
        new("Must have port for Service reference", "a backend without a port, whose service the model does not give exactly one port: written without one and reported (MESH2101: the API server will reject it), as choosing a port or leaving the backend out would send its traffic elsewhere"),
    ];

    /// <summary>On the Gateway API routes: a regex match beside a ReplacePrefixMatch rewrite in an HTTPRoute rule, a parentRef given twice.</summary>
    protected override IEnumerable<Action<System.Text.Json.Nodes.JsonNode>> RuleViolations(System.Text.Json.Nodes.JsonNode resource) =>
        GatewayApiRuleViolations.Of(resource);

    protected override long Iterations => Soak.Scale(75);
}

public sealed class LinkerdCorpus : CorpusSuite
{
    protected override ITranslator Translator { get; } = new LinkerdTranslator();

    protected override string CorpusFolder => "examples/linkerd";


    /// <summary>
    /// The corpus has no core Services; this suite's own manifest (Servers naming container ports, their Services,
    /// AuthorizationPolicies) passes the same checks: nothing invented, nothing lost unreported, and a fixed point but for
    /// the Service port names and the port only a Service names, which the export reports.
    /// </summary>
    [Fact]
    public void OwnServiceManifest_PassesTheCorpusChecks()
    {
        var report = Check(Path.Combine(AppContext.BaseDirectory, "Import", "testassets", "bazaar.yaml"));
        TestContext.Current.TestOutputHelper?.WriteLine($"{report.File}: resources {report.Resources}, fields carried {report.FieldsCarried}, reported {report.FieldsReported}, re-import differences explained {report.DifferencesExplained}");
        Assert.True(report.Problems.Count == 0, string.Join("\n", report.Problems));
        Assert.True(report.DifferencesExplained > 0, "the Service port names do not survive the export, and the check must have seen it");
    }
}

public sealed class LinkerdBadInput : BadInputSuite
{
    protected override ITranslator Translator { get; } = new LinkerdTranslator();

    protected override string ValidDocument => """
        apiVersion: policy.linkerd.io/v1beta3
        kind: HTTPRoute
        metadata:
          name: schlep
          namespace: schlep
          annotations:
            retry.linkerd.io/http: 5xx,503
            retry.linkerd.io/limit: "2"
            retry.linkerd.io/timeout: 300ms
            timeout.linkerd.io/request: 2s
        spec:
          parentRefs:
          - group: core
            kind: Service
            name: schlep
            port: 80
          rules:
          - matches:
            - path:
                type: PathPrefix
                value: /api
            backendRefs:
            - name: schlep-v1
              port: 80
              weight: 90
            - name: schlep-v2
              port: 80
              weight: 10
        """;

    protected override IEnumerable<BadInputCase> Cases =>
    [
        new("wrong type (weight as string)", """
            apiVersion: policy.linkerd.io/v1beta3
            kind: HTTPRoute
            metadata: { name: r, namespace: ns }
            spec:
              parentRefs: [{ kind: Service, group: core, name: web }]
              rules:
              - backendRefs: [{ name: web, port: 80, weight: "ninety" }]
            """, "$.spec.rules[0].backendRefs[0].weight"),
        new("unknown header match type", """
            apiVersion: policy.linkerd.io/v1beta3
            kind: HTTPRoute
            metadata: { name: r, namespace: ns }
            spec:
              parentRefs: [{ kind: Service, group: core, name: web }]
              rules:
              - matches: [{ headers: [{ name: x, type: Glob, value: "a*" }] }]
                backendRefs: [{ name: web, port: 80 }]
            """, "$.spec.rules[0].matches[0].headers[0].type"),
        new("missing parentRef name", """
            apiVersion: policy.linkerd.io/v1beta3
            kind: HTTPRoute
            metadata: { name: r, namespace: ns }
            spec:
              parentRefs: [{ kind: Service, group: core }]
              rules:
              - backendRefs: [{ name: web, port: 80 }]
            """, "$.spec.parentRefs[0].name"),
        new("unknown apiVersion", """
            apiVersion: policy.linkerd.io/v1
            kind: HTTPRoute
            metadata: { name: r }
            spec: {}
            """, "$.apiVersion"),
        new("bad retry timeout annotation", """
            apiVersion: policy.linkerd.io/v1beta3
            kind: HTTPRoute
            metadata:
              name: r
              annotations: { retry.linkerd.io/timeout: soon }
            spec:
              parentRefs: [{ kind: Service, group: core, name: web }]
              rules: [{ backendRefs: [{ name: web, port: 80 }] }]
            """, "$.metadata.annotations['retry.linkerd.io/timeout']"),
        new("bad retry limit annotation", """
            apiVersion: policy.linkerd.io/v1beta3
            kind: HTTPRoute
            metadata:
              name: r
              annotations: { retry.linkerd.io/limit: many }
            spec:
              parentRefs: [{ kind: Service, group: core, name: web }]
              rules: [{ backendRefs: [{ name: web, port: 80 }] }]
            """, "$.metadata.annotations['retry.linkerd.io/limit']"),
        new("Server port of a wrong type", """
            apiVersion: policy.linkerd.io/v1beta3
            kind: Server
            metadata: { name: s, namespace: ns }
            spec:
              podSelector: { matchLabels: { app: web } }
              port: [80]
            """, "$.spec.port"),
        new("authentication refs not a list", """
            apiVersion: policy.linkerd.io/v1alpha1
            kind: AuthorizationPolicy
            metadata: { name: a, namespace: ns }
            spec:
              targetRef: { kind: Namespace, name: ns }
              requiredAuthenticationRefs: everyone
            """, "$.spec.requiredAuthenticationRefs"),
        new("bad failure-accrual max failures", """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              annotations: { balancer.linkerd.io/failure-accrual: consecutive, balancer.linkerd.io/failure-accrual-consecutive-max-failures: "-1" }
            """, "$.metadata.annotations['balancer.linkerd.io/failure-accrual-consecutive-max-failures']"),
        new("Service targetPort of a wrong type", """
            apiVersion: v1
            kind: Service
            metadata: { name: web, namespace: shop }
            spec:
              ports: [{ name: http, port: 80, targetPort: [8080] }]
            """, "$.spec.ports[0].targetPort"),
        new("Service port that is not a number", """
            apiVersion: v1
            kind: Service
            metadata: { name: web, namespace: shop }
            spec:
              ports: [{ name: http, port: eighty }]
            """, "$.spec.ports[0].port"),
        new("Service port out of range", """
            apiVersion: v1
            kind: Service
            metadata: { name: web, namespace: shop }
            spec:
              ports: [{ name: http, port: 70000 }]
            """, "$.spec.ports[0].port"),
        new("Service targetPort out of range", """
            apiVersion: v1
            kind: Service
            metadata: { name: web, namespace: shop }
            spec:
              ports: [{ name: http, port: 80, targetPort: 0 }]
            """, "$.spec.ports[0].targetPort"),
        new("Service selector that is not a map", """
            apiVersion: v1
            kind: Service
            metadata: { name: web, namespace: shop }
            spec:
              selector: [web]
              ports: [{ name: http, port: 80 }]
            """, "$.spec.selector"),
        new("TCPRoute parent port out of range", """
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TCPRoute
            metadata: { name: db, namespace: data }
            spec:
              parentRefs: [{ kind: Service, group: core, name: db, port: 70000 }]
              rules: [{ backendRefs: [{ name: db-v1, port: 5432 }] }]
            """, "$.spec.parentRefs[0].port"),
        new("TCPRoute backendRefs not a list", """
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TCPRoute
            metadata: { name: db, namespace: data }
            spec:
              parentRefs: [{ kind: Service, group: core, name: db }]
              rules: [{ backendRefs: db-v1 }]
            """, "$.spec.rules[0].backendRefs"),
        new("unknown EgressNetwork traffic policy", """
            apiVersion: policy.linkerd.io/v1alpha1
            kind: EgressNetwork
            metadata: { name: all, namespace: ns }
            spec: { trafficPolicy: Sometimes }
            """, "$.spec.trafficPolicy"),
        new("EgressNetwork without a traffic policy", """
            apiVersion: policy.linkerd.io/v1alpha1
            kind: EgressNetwork
            metadata: { name: all, namespace: ns }
            spec: { networks: [{ cidr: 203.0.113.0/24 }] }
            """, "$.spec.trafficPolicy"),
        new("EgressNetwork network without a CIDR", """
            apiVersion: policy.linkerd.io/v1alpha1
            kind: EgressNetwork
            metadata: { name: all, namespace: ns }
            spec: { trafficPolicy: Allow, networks: [{ except: [203.0.113.7/32] }] }
            """, "$.spec.networks[0].cidr"),
        new("TLSRoute parent port of a wrong type", """
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TLSRoute
            metadata: { name: tls, namespace: ns }
            spec:
              hostnames: [httpbin.org]
              parentRefs: [{ name: all, kind: EgressNetwork, group: policy.linkerd.io, port: https }]
              rules: [{ backendRefs: [{ name: all, kind: EgressNetwork, group: policy.linkerd.io }] }]
            """, "$.spec.parentRefs[0].port"),
        new("egress route parent port out of range", """
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TLSRoute
            metadata: { name: tls, namespace: ns }
            spec:
              hostnames: [httpbin.org]
              parentRefs: [{ name: all, kind: EgressNetwork, group: policy.linkerd.io, port: 70000 }]
              rules: [{ backendRefs: [{ name: all, kind: EgressNetwork, group: policy.linkerd.io }] }]
            """, "$.spec.parentRefs[0].port"),
        new("egress TCPRoute parent port out of range", """
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TCPRoute
            metadata: { name: db-5432, namespace: ns }
            spec:
              parentRefs: [{ name: db, kind: EgressNetwork, group: policy.linkerd.io, port: 0 }]
              rules: [{ backendRefs: [{ name: db, kind: EgressNetwork, group: policy.linkerd.io }] }]
            """, "$.spec.parentRefs[0].port"),
        new("egress TCPRoute parent without a name", """
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TCPRoute
            metadata: { name: db-5432, namespace: ns }
            spec:
              parentRefs: [{ kind: EgressNetwork, group: policy.linkerd.io, port: 5432 }]
              rules: [{ backendRefs: [{ name: db, kind: EgressNetwork, group: policy.linkerd.io }] }]
            """, "$.spec.parentRefs[0].name"),
        new("egress TCPRoute backendRefs not a list", """
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TCPRoute
            metadata: { name: db-5432, namespace: ns }
            spec:
              parentRefs: [{ name: db, kind: EgressNetwork, group: policy.linkerd.io, port: 5432 }]
              rules: [{ backendRefs: db }]
            """, "$.spec.rules[0].backendRefs"),
        new("egress TCPRoute with hostnames (a field TCPRoute does not have)", """
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TCPRoute
            metadata: { name: db-5432, namespace: ns }
            spec:
              hostnames: [db.example.com]
              parentRefs: [{ name: db, kind: EgressNetwork, group: policy.linkerd.io, port: 5432 }]
              rules: [{ backendRefs: [{ name: db, kind: EgressNetwork, group: policy.linkerd.io }] }]
            """, "$.spec.hostnames"),
        new("egress TCPRoute with two rules", """
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TCPRoute
            metadata: { name: db-5432, namespace: ns }
            spec:
              parentRefs: [{ name: db, kind: EgressNetwork, group: policy.linkerd.io, port: 5432 }]
              rules:
              - backendRefs: [{ name: db, kind: EgressNetwork, group: policy.linkerd.io }]
              - backendRefs: [{ name: db, kind: EgressNetwork, group: policy.linkerd.io }]
            """, "$.spec.rules"),
    ];
}

public sealed class LinkerdSuiteCoverage
{
    [Fact]
    public void EveryConformanceSuite_IsDerived() => SuiteCoverage.AssertEverySuiteDerived(typeof(LinkerdSuiteCoverage).Assembly);
}

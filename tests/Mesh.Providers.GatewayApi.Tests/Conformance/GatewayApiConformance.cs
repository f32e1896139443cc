using CsCheck;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Conformance.Schema;
using Mesh.Providers.Conformance.Suites;
using Mesh.Providers.Conformance.Support;
using Mesh.Providers.GatewayApi.Tests.Generators;
using Mesh.Translation;

namespace Mesh.Providers.GatewayApi.Tests.Conformance;

/// <summary>
/// 300 generated models per property (typed and YAML), 100 for determinism, translated with every service written as a
/// core Service (<see cref="ServiceOutput.All"/>): selectors, port names, target ports and the subsets routed to travel on
/// the Services and leaf Services.
/// </summary>
public sealed class GatewayApiRoundTrip : RoundTripSuite
{
    protected override ITranslator Translator { get; } = new GatewayApiTranslator(new GatewayApiOptions { ServiceOutput = ServiceOutput.All });

    protected override Gen<MeshConfig> ModelsWithinCapabilities => GatewayApiModels.WithinCapabilities;
}

/// <summary>
/// Output validated strictly against <c>crds/gateway-api</c> (HTTPRoute, GRPCRoute, TCPRoute, TLSRoute, Gateway, ReferenceGrant, BackendTLSPolicy): 150 generated models plus the
/// samples, with every Service written (<see cref="ServiceOutput.All"/>): the leaf and service Services are checked against the
/// vendored core Service schema.
/// </summary>
public sealed class GatewayApiSchema : SchemaSuite
{
    protected override ITranslator Translator { get; } = new GatewayApiTranslator(new GatewayApiOptions { ServiceOutput = ServiceOutput.All, GatewayClassName = "example" });

    protected override IReadOnlyList<string> CrdFiles =>
        ["crds/gateway-api/gateway.networking.k8s.io_httproutes.yaml", "crds/gateway-api/gateway.networking.k8s.io_grpcroutes.yaml", "crds/gateway-api/gateway.networking.k8s.io_tcproutes.yaml",
         "crds/gateway-api/gateway.networking.k8s.io_tlsroutes.yaml",
         "crds/gateway-api/gateway.networking.k8s.io_backendtlspolicies.yaml", "crds/gateway-api/gateway.networking.k8s.io_gateways.yaml", "crds/gateway-api/gateway.networking.k8s.io_referencegrants.yaml"];

    protected override string CorpusFolder => "examples/gateway-api";

    protected override Gen<MeshConfig> Models => GatewayApiModels.Any;

    /// <summary>The routing, TCP, client TLS and gateway samples and every <c>samples/*.mesh.yaml</c> of the repository (the README's Bookinfo).</summary>
    protected override IEnumerable<MeshConfig> SampleModels => [Samples.Routing, Samples.Tcp, Samples.ClientTls, Samples.Edge, Samples.EdgeStreams, .. RepositorySamples.MeshYaml()];

    /// <summary>
    /// None: a backend or mirror without a port takes its service's only port or the route's parent port (one route per
    /// parent port where needed) and is otherwise left out, reported; parentRefs to several ports of one Service name each
    /// port by sectionName.
    /// </summary>
    protected override IReadOnlyList<KnownRejection> KnownRejections => [];

    /// <summary>A regex match beside a ReplacePrefixMatch rewrite in an HTTPRoute rule, a parentRef given twice.</summary>
    protected override IEnumerable<Action<System.Text.Json.Nodes.JsonNode>> RuleViolations(System.Text.Json.Nodes.JsonNode resource) =>
        GatewayApiRuleViolations.Of(resource);

    /// <summary>The client TLS sample is written as three BackendTLSPolicies (service, port, leaf Service), each valid.</summary>
    [Fact]
    public void ClientTlsSample_IsThreeSchemaValidBackendTlsPolicies()
    {
        var written = Translator.Translate(Samples.ClientTls).Resources.OfType<Resources.BackendTlsPolicy>().ToList();
        Assert.Equal(["payments", "payments-http-9443", "payments-v2"], written.Select(p => p.Metadata.Name));
        Assert.Empty(Problems(Samples.ClientTls));
    }

    /// <summary>The standard-channel CRDs serve BackendTLSPolicy as v1 (served and stored), the version this provider writes.</summary>
    [Fact]
    public void Crds_ServeBackendTlsPolicyAsV1()
    {
        var kinds = new CrdSchemaSet(CrdFiles.Select(ConformancePaths.Require)).Kinds;
        Assert.Contains("gateway.networking.k8s.io/v1/BackendTLSPolicy", kinds);
        Assert.DoesNotContain("gateway.networking.k8s.io/v1alpha3/BackendTLSPolicy", kinds);
    }

    /// <summary>The standard-channel CRDs serve TLSRoute as v1 only (served and stored), the version this provider writes for gateway TLS routes.</summary>
    [Fact]
    public void Crds_ServeTlsRouteAsV1Only()
    {
        var kinds = new CrdSchemaSet(CrdFiles.Select(ConformancePaths.Require)).Kinds;
        Assert.Contains("gateway.networking.k8s.io/v1/TLSRoute", kinds);
        Assert.DoesNotContain("gateway.networking.k8s.io/v1alpha2/TLSRoute", kinds);
        Assert.DoesNotContain("gateway.networking.k8s.io/v1alpha3/TLSRoute", kinds);
    }

    /// <summary>The gateway TLS and TCP routes sample is written as a schema-valid TLSRoute, TCPRoute and grants.</summary>
    [Fact]
    public void EdgeStreamsSample_IsSchemaValid()
    {
        var written = Translator.Translate(Samples.EdgeStreams).Resources;
        Assert.Single(written.OfType<Resources.TlsRoute>());
        Assert.Single(written.OfType<Resources.TcpRoute>());
        Assert.Empty(Problems(Samples.EdgeStreams));
    }

    /// <summary>The standard-channel CRDs serve TCPRoute as v1 only, the version this provider writes.</summary>
    [Fact]
    public void Crds_ServeTcpRouteAsV1Only()
    {
        var kinds = new CrdSchemaSet(CrdFiles.Select(ConformancePaths.Require)).Kinds;
        Assert.Contains("gateway.networking.k8s.io/v1/TCPRoute", kinds);
        Assert.DoesNotContain("gateway.networking.k8s.io/v1alpha2/TCPRoute", kinds);
    }
}

public sealed class GatewayApiCorpus : CorpusSuite
{
    protected override ITranslator Translator { get; } = new GatewayApiTranslator();

    protected override string CorpusFolder => "examples/gateway-api";
}

public sealed class GatewayApiBadInput : BadInputSuite
{
    protected override ITranslator Translator { get; } = new GatewayApiTranslator();

    protected override string ValidDocument => """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: reviews
          namespace: bookinfo
        spec:
          parentRefs:
          - group: ""
            kind: Service
            name: reviews
            port: 9080
          rules:
          - matches:
            - path:
                type: PathPrefix
                value: /api
              headers:
              - name: end-user
                value: jason
            filters:
            - type: RequestHeaderModifier
              requestHeaderModifier:
                set:
                - name: x-env
                  value: prod
            backendRefs:
            - name: reviews-v1
              port: 9080
              weight: 75
            - name: reviews-v2
              port: 9080
              weight: 25
            timeouts:
              request: 1s500ms
        """;

    protected override IEnumerable<BadInputCase> Cases =>
    [
        new("wrong type (weight as string)", """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: { name: r, namespace: bookinfo }
            spec:
              parentRefs: [{ kind: Service, group: "", name: reviews }]
              rules:
              - backendRefs:
                - name: reviews
                  weight: "eighty"
            """, "$.spec.rules[0].backendRefs[0].weight"),
        new("wrong type (parentRefs as a map)", """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: { name: r }
            spec:
              parentRefs: { a: b }
            """, "$.spec.parentRefs"),
        new("unknown path match type", """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: { name: r, namespace: bookinfo }
            spec:
              parentRefs: [{ kind: Service, group: "", name: reviews }]
              rules:
              - matches: [{ path: { type: Glob, value: "/a*" } }]
                backendRefs: [{ name: reviews, port: 80 }]
            """, "$.spec.rules[0].matches[0].path.type"),
        new("unknown filter type", """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: { name: r, namespace: bookinfo }
            spec:
              parentRefs: [{ kind: Service, group: "", name: reviews }]
              rules:
              - filters: [{ type: Teleport }]
                backendRefs: [{ name: reviews, port: 80 }]
            """, "$.spec.rules[0].filters[0].type"),
        new("missing parentRef name", """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: { name: r, namespace: bookinfo }
            spec:
              parentRefs: [{ kind: Service, group: "" }]
              rules:
              - backendRefs: [{ name: reviews, port: 80 }]
            """, "$.spec.parentRefs[0].name"),
        new("unknown apiVersion", """
            apiVersion: gateway.networking.k8s.io/v2
            kind: HTTPRoute
            metadata: { name: r }
            spec: {}
            """, "$.apiVersion"),
        new("decimal duration", """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: { name: r }
            spec:
              parentRefs: [{ kind: Service, group: "", name: reviews }]
              rules:
              - backendRefs: [{ name: reviews, port: 80 }]
                timeouts: { request: 1.5s }
            """, "$.spec.rules[0].timeouts.request"),
        new("redirect code outside the enum", """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: { name: r }
            spec:
              parentRefs: [{ kind: Service, group: "", name: reviews }]
              rules:
              - filters: [{ type: RequestRedirect, requestRedirect: { statusCode: 399 } }]
            """, "$.spec.rules[0].filters[0].requestRedirect.statusCode"),
        new("unknown gRPC method match type", """
            apiVersion: gateway.networking.k8s.io/v1
            kind: GRPCRoute
            metadata: { name: r }
            spec:
              parentRefs: [{ kind: Service, group: "", name: echo }]
              rules:
              - matches: [{ method: { type: Fuzzy, service: echo.Echo } }]
                backendRefs: [{ name: echo, port: 7070 }]
            """, "$.spec.rules[0].matches[0].method.type"),
        new("TCPRoute weight out of range", """
            apiVersion: gateway.networking.k8s.io/v1
            kind: TCPRoute
            metadata: { name: db, namespace: data }
            spec:
              parentRefs: [{ kind: Service, group: "", name: db, port: 5432 }]
              rules: [{ backendRefs: [{ name: db-v1, port: 5432, weight: -3 }] }]
            """, "$.spec.rules[0].backendRefs[0].weight"),
        new("TCPRoute rules not a list", """
            apiVersion: gateway.networking.k8s.io/v1
            kind: TCPRoute
            metadata: { name: db }
            spec:
              parentRefs: [{ kind: Service, group: "", name: db }]
              rules: { backendRefs: [] }
            """, "$.spec.rules"),
        new("BackendTLSPolicy without hostname", """
            apiVersion: gateway.networking.k8s.io/v1
            kind: BackendTLSPolicy
            metadata: { name: p, namespace: shop }
            spec:
              targetRefs: [{ group: "", kind: Service, name: payments }]
              validation: { wellKnownCACertificates: System }
            """, "$.spec.validation.hostname"),
        new("BackendTLSPolicy subjectAltNames as a map", """
            apiVersion: gateway.networking.k8s.io/v1
            kind: BackendTLSPolicy
            metadata: { name: p, namespace: shop }
            spec:
              targetRefs: [{ group: "", kind: Service, name: payments }]
              validation: { hostname: a.example.com, wellKnownCACertificates: System, subjectAltNames: { type: URI } }
            """, "$.spec.validation.subjectAltNames"),
    ];
}

public sealed class GatewayApiSuiteCoverage
{
    [Fact]
    public void EveryConformanceSuite_IsDerived() => SuiteCoverage.AssertEverySuiteDerived(typeof(GatewayApiSuiteCoverage).Assembly);
}

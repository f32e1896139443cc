using CsCheck;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Conformance.Suites;
using Mesh.Providers.Conformance.Support;
using Mesh.Providers.Istio.Tests.Generators;
using Mesh.Translation;

namespace Mesh.Providers.Istio.Tests.Conformance;

/// <summary>
/// The round trip model → Istio → model with <see cref="ServiceOutput.All"/>: Istio reads services' selectors, ports and
/// target ports from the cluster's Services, so the translation writes them and the import reads them back.
/// </summary>
public sealed class IstioRoundTrip : RoundTripSuite
{
    protected override ITranslator Translator { get; } = new IstioTranslator(new IstioOptions { ServiceOutput = ServiceOutput.All });

    protected override Gen<MeshConfig> ModelsWithinCapabilities => IstioModels.WithinCapabilities;
}

public sealed class IstioSchema : SchemaSuite
{
    protected override ITranslator Translator { get; } = new IstioTranslator(new IstioOptions { ServiceOutput = ServiceOutput.All });

    protected override IReadOnlyList<string> CrdFiles => ["crds/istio/customresourcedefinitions.gen.yaml"];

    protected override string CorpusFolder => "examples/istio";

    protected override Gen<MeshConfig> Models => IstioModels.Any;

    /// <summary>The C# Bookinfo model and every <c>samples/*.mesh.yaml</c> of the repository.</summary>
    protected override IEnumerable<MeshConfig> SampleModels => [Samples.Bookinfo, .. RepositorySamples.MeshYaml()];

    protected override IEnumerable<Action<System.Text.Json.Nodes.JsonNode, string>> DurationPaths(System.Text.Json.Nodes.JsonNode resource) =>
        resource["kind"]?.GetValue<string>() == "DestinationRule"
            ? [(node, value) => node["spec"]!["trafficPolicy"] = new System.Text.Json.Nodes.JsonObject { ["outlierDetection"] = new System.Text.Json.Nodes.JsonObject { ["interval"] = value } }]
            : [];
}

public sealed class IstioCorpus : CorpusSuite
{
    protected override ITranslator Translator { get; } = new IstioTranslator();

    protected override string CorpusFolder => "examples/istio";
}

public sealed class IstioBadInput : BadInputSuite
{
    protected override ITranslator Translator { get; } = new IstioTranslator();

    protected override string ValidDocument => """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
          namespace: bookinfo
        spec:
          hosts:
          - reviews
          http:
          - match:
            - uri:
                prefix: /api
            route:
            - destination:
                host: reviews
                subset: v1
              weight: 75
            - destination:
                host: reviews
                subset: v2
              weight: 25
            timeout: 2s
            retries:
              attempts: 3
              perTryTimeout: 1s
        """;

    protected override IEnumerable<BadInputCase> Cases =>
    [
        new("wrong type (weight as string)", """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: { name: r, namespace: bookinfo }
            spec:
              hosts: [reviews]
              http:
              - route:
                - destination: { host: reviews }
                  weight: "eighty"
            """, "$.spec.http[0].route[0].weight"),
        new("wrong type (hosts as a map)", """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: { name: r }
            spec:
              hosts: { a: b }
            """, "$.spec.hosts"),
        new("unknown enum value", """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: { name: r, namespace: bookinfo }
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer: { simple: FASTEST }
            """, "$.spec.trafficPolicy.loadBalancer.simple"),
        new("unknown mTLS mode", """
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata: { name: default, namespace: bookinfo }
            spec:
              mtls: { mode: SOMETIMES }
            """, "$.spec.mtls.mode"),
        new("missing hosts", """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: { name: r, namespace: bookinfo }
            spec:
              http:
              - route:
                - destination: { host: reviews }
            """, "$.spec.hosts"),
        new("unknown apiVersion", """
            apiVersion: networking.istio.io/v2
            kind: VirtualService
            metadata: { name: r }
            spec: { hosts: [reviews] }
            """, "$.apiVersion"),
        new("bad duration", """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: { name: r }
            spec:
              hosts: [reviews]
              http:
              - route: [{ destination: { host: reviews } }]
                timeout: soon
            """, "$.spec.http[0].timeout"),
        new("bad port key", """
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata: { name: p, namespace: bookinfo }
            spec:
              selector: { matchLabels: { app: reviews } }
              portLevelMtls: { http: { mode: STRICT } }
            """, "$.spec.portLevelMtls.http"),
    ];
}

public sealed class IstioSuiteCoverage
{
    [Fact]
    public void EveryConformanceSuite_IsDerived() => SuiteCoverage.AssertEverySuiteDerived(typeof(IstioSuiteCoverage).Assembly);

    [Fact]
    public void SuiteCoverage_FailsForAnAssemblyThatSkipsSuites()
    {
        var failure = Assert.ThrowsAny<Exception>(() => SuiteCoverage.AssertEverySuiteDerived(typeof(IstioTranslator).Assembly));
        Assert.Contains(nameof(RoundTripSuite), failure.Message, StringComparison.Ordinal);
        Assert.Equal(6, SuiteCoverage.Suites.Count);
    }
}

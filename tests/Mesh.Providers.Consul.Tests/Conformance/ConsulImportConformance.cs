using Mesh.Providers.Conformance.Suites;
using Mesh.Translation;

namespace Mesh.Providers.Consul.Tests.Conformance;

/// <summary>The upstream Consul examples: every field imported or reported.</summary>
public sealed class ConsulCorpus : CorpusSuite
{
    protected override ITranslator Translator { get; } = new ConsulTranslator();

    protected override string CorpusFolder => "examples/consul";

    /// <summary>What the Consul export writes from the whole model, not from one input field.</summary>
    protected override IReadOnlyList<DerivedField> DerivedFields =>
    [
        new("ServiceDefaults $.spec.protocol", "Consul needs an HTTP-family protocol for routers, splitters and L7 intentions, and a protocol on a destination: the export writes it whenever these are written"),
        new("TerminatingGateway $.spec.services[].name", "the external services are linked to the terminating gateway the export writes for them"),
        new("Mesh $.spec.allowEnablingPermissiveMutualTLS", "Consul accepts a permissive mTLS mode only with this flag, set whenever one is written"),
        new("ServiceSplitter $.spec.splits[].service", "the export names each split's service, which Consul defaults to the splitter's own"),
        new("ServiceIntentions $.spec.destination.name", "the allow-by-default intention ('*' to '*') the export writes whenever the model declares a service"),
        new("ServiceIntentions $.spec.sources[].name", "the allow-by-default intention the export writes whenever the model declares a service"),
        new("ServiceIntentions $.spec.sources[].action", "the allow-by-default intention the export writes whenever the model declares a service"),
        new("ServiceRouter $.spec.routes[].destination.service", "the export names each route's destination service, which Consul defaults to the router's own"),
    ];
}

/// <summary>Invalid Consul input becomes located diagnostics, never exceptions.</summary>
public sealed class ConsulBadInput : BadInputSuite
{
    protected override ITranslator Translator { get; } = new ConsulTranslator();

    protected override string ValidDocument => """
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ServiceSplitter
        metadata:
          name: api
          namespace: shop
        spec:
          splits:
          - weight: 90
            serviceSubset: v1
          - weight: 10
            serviceSubset: v2
        """;

    protected override IEnumerable<BadInputCase> Cases =>
    [
        new("wrong type (weight as string)", """
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceSplitter
            metadata: { name: s, namespace: ns }
            spec: { splits: [{ weight: ninety }] }
            """, "$.spec.splits[0].weight"),
        new("splits not summing to 100", """
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceSplitter
            metadata: { name: s, namespace: ns }
            spec: { splits: [{ weight: 60, serviceSubset: a }, { weight: 30, serviceSubset: b }] }
            """, "$.spec.splits"),
        new("router path without a leading slash", """
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceRouter
            metadata: { name: s, namespace: ns }
            spec: { routes: [{ match: { http: { pathPrefix: admin } } }] }
            """, "$.spec.routes[0].match.http.pathPrefix"),
        new("lower-case method", """
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceIntentions
            metadata: { name: s, namespace: ns }
            spec: { destination: { name: s }, sources: [{ name: a, permissions: [{ action: allow, http: { methods: [get] } }] }] }
            """, "$.spec.sources[0].permissions[0].http.methods"),
        new("unknown mTLS mode", """
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceDefaults
            metadata: { name: s, namespace: ns }
            spec: { mutualTLSMode: loose }
            """, "$.spec.mutualTLSMode"),
        new("unknown apiVersion", """
            apiVersion: consul.hashicorp.com/v9
            kind: ServiceSplitter
            metadata: { name: s }
            spec: {}
            """, "$.apiVersion"),
    ];
}

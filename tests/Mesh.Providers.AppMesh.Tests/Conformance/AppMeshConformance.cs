using CsCheck;
using Mesh.Model;
using Mesh.Providers.AppMesh.Tests.Generators;
using Mesh.Providers.Conformance.Suites;
using Mesh.Providers.Conformance.Support;
using Mesh.Translation;

namespace Mesh.Providers.AppMesh.Tests.Conformance;

/// <summary>300 generated models per property (typed and YAML), 100 for determinism; every Service written, as a migration carries them.</summary>
public sealed class AppMeshRoundTrip : RoundTripSuite
{
    protected override ITranslator Translator { get; } = new AppMeshTranslator(new AppMeshOptions { ServiceOutput = ServiceOutput.All });

    protected override Gen<MeshConfig> ModelsWithinCapabilities => AppMeshModels.WithinCapabilities;
}

/// <summary>Output validated strictly against <c>crds/appmesh</c> (under <c>spec</c>, where the API server prunes unknown fields) and written Services against the core Service schema.</summary>
public sealed class AppMeshSchema : SchemaSuite
{
    protected override ITranslator Translator { get; } = new AppMeshTranslator(new AppMeshOptions { ServiceOutput = ServiceOutput.All });

    protected override IReadOnlyList<string> CrdFiles => AppMeshCrds.All;

    protected override string CorpusFolder => "examples/appmesh";

    protected override Gen<MeshConfig> Models => AppMeshModels.Any;

    protected override IEnumerable<MeshConfig> SampleModels => [Samples.Routing, Samples.Resilience, Samples.Security, Samples.Egress, .. RepositorySamples.MeshYaml()];

    /// <summary>App Mesh's CRDs declare no CEL rules (durations are objects, checked structurally): the rules broken are the core Service's, on the Services written.</summary>
    protected override IEnumerable<Action<System.Text.Json.Nodes.JsonNode>> RuleViolations(System.Text.Json.Nodes.JsonNode resource) => AppMeshRuleViolations.Of(resource);
}

/// <summary>The same schema check with Cloud Map discovery and file certificates.</summary>
public sealed class AppMeshCloudMapSchema : SchemaSuite
{
    protected override ITranslator Translator { get; } = new AppMeshTranslator(new AppMeshOptions
    {
        Discovery = AppMeshDiscovery.CloudMap,
        CloudMapNamespace = "prod.local",
        Tls = new AppMeshTlsOptions { Source = AppMeshCertificateSource.File },
    });

    protected override IReadOnlyList<string> CrdFiles => AppMeshCrds.Written;

    protected override string CorpusFolder => "examples/appmesh";

    protected override Gen<MeshConfig> Models => AppMeshModels.Any;

    protected override IEnumerable<MeshConfig> SampleModels => [Samples.Routing, Samples.Resilience, Samples.Security, Samples.Egress];

    protected override long Iterations => Soak.Scale(75);

    /// <summary>App Mesh's CRDs declare no CEL rules (durations are objects, checked structurally): the rules broken are the core Service's, on the Services written.</summary>
    protected override IEnumerable<Action<System.Text.Json.Nodes.JsonNode>> RuleViolations(System.Text.Json.Nodes.JsonNode resource) => AppMeshRuleViolations.Of(resource);
}

public sealed class AppMeshCorpus : CorpusSuite
{
    protected override ITranslator Translator { get; } = new AppMeshTranslator();

    protected override string CorpusFolder => "examples/appmesh";

    /// <summary>What the App Mesh export writes from the whole model or from <see cref="AppMeshOptions"/>, not from one input field.</summary>
    protected override IReadOnlyList<DerivedField> DerivedFields =>
    [
        new("VirtualNode $.spec.backends", "the model does not say which service calls which: every node may call every virtual service (App Mesh drops calls to undeclared backends); a destination's client TLS is written on every caller's entry for it, wherever the input set it (a backend or the node's backendDefaults)"),
        new("VirtualService $.spec.provider.virtualNode", "every model service gets a virtual service, so that meshed callers reach it; a service without a router is provided by its node"),
        new("VirtualRouter $.spec.routes[].priority", "always written: App Mesh orders a router's routes by priority, which carries the model's rule order"),
        new("VirtualNode $.spec.backendDefaults.clientPolicy", "client TLS policy follows AppMeshOptions.Tls whenever any listener encrypts"),
        new("VirtualNode $.spec.listeners[].tls.certificate", "the certificate source is AppMeshOptions.Tls, not part of the model"),
        new("VirtualNode $.spec.listeners[].tls.validation", "the trust source is AppMeshOptions.Tls, not part of the model"),
        new("VirtualNode $.spec.serviceDiscovery", "the discovery form (DNS or Cloud Map) is AppMeshOptions.Discovery, not part of the model"),
        new("VirtualService $.spec.awsName", "the export names each virtual service by the cluster FQDN its callers resolve (App Mesh's own default is name.namespace)"),
        new("Service $.spec.selector", "with DNS discovery each subset's virtual node names a leaf Service selecting only that subset's pods (the parent's selector and the subset's labels), written whether or not the input had one (its nodes may be found through Cloud Map)"),
        new("Service $.spec.ports[].name", "a leaf Service carries its parent's port names (see the leaf Service selector)"),
        new("VirtualGateway $.spec.namespaceSelector.matchExpressions[]", "a gateway selects the namespaces of the routes bound to it by name (kubernetes.io/metadata.name), not by the input's namespace labels"),
        new("VirtualGateway $.spec.gatewayRouteSelector.matchLabels", "a gateway selects the routes written for it by the two labels the export puts on them, so that two gateways can take routes from one namespace"),
        new("GatewayRoute $.spec.priority", "always written: App Mesh orders a gateway's routes by priority, which carries the model's rule order"),
        new("GatewayRoute $.spec.httpRoute.action.rewrite", "App Mesh rewrites the host to the target's name and a matched prefix to / by default: the import reads those defaults as the rule's rewrite, and the export writes every rewrite explicitly (disabled when the rule has none)"),
    ];
}

public sealed class AppMeshSuiteCoverage
{
    [Fact]
    public void EveryConformanceSuite_IsDerived() => SuiteCoverage.AssertEverySuiteDerived(typeof(AppMeshSuiteCoverage).Assembly);
}

/// <summary>Violations of the core Service schema's CEL rules (a target port that is neither a number nor an IANA name).</summary>
internal static class AppMeshRuleViolations
{
    public static IEnumerable<Action<System.Text.Json.Nodes.JsonNode>> Of(System.Text.Json.Nodes.JsonNode resource)
    {
        if (resource["kind"]?.GetValue<string>() == "Service" && resource["spec"]?["ports"] is System.Text.Json.Nodes.JsonArray { Count: > 0 })
        {
            yield return node => node["spec"]!["ports"]![0]!["targetPort"] = "Not_A_Port_Name";
        }
    }
}

public sealed class AppMeshBadInput : BadInputSuite
{
    protected override ITranslator Translator { get; } = new AppMeshTranslator();

    protected override string ValidDocument => """
        apiVersion: appmesh.k8s.aws/v1beta2
        kind: VirtualRouter
        metadata:
          name: color
          namespace: howto
        spec:
          listeners:
          - portMapping: { port: 8080, protocol: http }
          routes:
          - name: color-route
            priority: 10
            httpRoute:
              match:
                prefix: /
                headers:
                - name: color_header
                  match: { exact: blue }
              action:
                weightedTargets:
                - virtualNodeRef: { name: blue }
                  weight: 90
                - virtualNodeRef: { name: white }
                  weight: 10
              retryPolicy:
                maxRetries: 2
                perRetryTimeout: { value: 500, unit: ms }
                httpRetryEvents: [server-error]
              timeout:
                perRequest: { value: 2, unit: s }
        """;

    protected override IEnumerable<BadInputCase> Cases =>
    [
        new("wrong type (weight as string)", """
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualRouter
            metadata: { name: r, namespace: ns }
            spec:
              listeners: [{ portMapping: { port: 80, protocol: http } }]
              routes:
              - name: a
                httpRoute:
                  match: { prefix: / }
                  action: { weightedTargets: [{ virtualNodeRef: { name: n }, weight: ninety }] }
            """, "$.spec.routes[0].httpRoute.action.weightedTargets[0].weight"),
        new("unknown listener protocol", """
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualNode
            metadata: { name: n, namespace: ns }
            spec:
              podSelector: { matchLabels: { app: n } }
              listeners: [{ portMapping: { port: 80, protocol: quic } }]
            """, "$.spec.listeners[0].portMapping.protocol"),
        new("unknown TLS mode", """
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualNode
            metadata: { name: n, namespace: ns }
            spec:
              podSelector: { matchLabels: { app: n } }
              listeners: [{ portMapping: { port: 80, protocol: http }, tls: { mode: SOMETIMES } }]
            """, "$.spec.listeners[0].tls.mode"),
        new("unknown duration unit", """
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualRouter
            metadata: { name: r, namespace: ns }
            spec:
              listeners: [{ portMapping: { port: 80, protocol: http } }]
              routes:
              - name: a
                httpRoute:
                  match: { prefix: / }
                  action: { weightedTargets: [{ virtualNodeRef: { name: n }, weight: 1 }] }
                  timeout: { perRequest: { value: 2, unit: h } }
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualService
            metadata: { name: r, namespace: ns }
            spec: { provider: { virtualRouter: { virtualRouterRef: { name: r } } } }
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualNode
            metadata: { name: n, namespace: ns }
            spec:
              podSelector: { matchLabels: { app: r } }
              listeners: [{ portMapping: { port: 80, protocol: http } }]
            """, "$.spec.routes[0].httpRoute.timeout.perRequest.unit"),
        new("weight above 100", """
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualRouter
            metadata: { name: r, namespace: ns }
            spec:
              listeners: [{ portMapping: { port: 80, protocol: http } }]
              routes:
              - name: a
                httpRoute:
                  match: { prefix: / }
                  action: { weightedTargets: [{ virtualNodeRef: { name: n }, weight: 250 }] }
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualService
            metadata: { name: r, namespace: ns }
            spec: { provider: { virtualRouter: { virtualRouterRef: { name: r } } } }
            """, "$.spec.routes[0].httpRoute.action.weightedTargets[0].weight"),
        new("unknown egress filter", """
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: Mesh
            metadata: { name: m }
            spec: { egressFilter: { type: SOMETIMES } }
            """, "$.spec.egressFilter.type"),
        new("unknown apiVersion", """
            apiVersion: appmesh.k8s.aws/v1beta1
            kind: VirtualNode
            metadata: { name: n }
            spec: {}
            """, "$.apiVersion"),
    ];
}

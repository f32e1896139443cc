using System.Text.Json.Nodes;
using CsCheck;
using Mesh.Model;
using Mesh.Providers.Conformance.Suites;
using Mesh.Providers.Conformance.Support;
using Mesh.Providers.Osm.Tests.Generators;
using Mesh.Translation;

namespace Mesh.Providers.Osm.Tests.Conformance;

/// <summary>Output validated strictly against <c>crds/osm</c> (under <c>spec</c>, where the API server prunes unknown fields) and written Services against the core Service schema.</summary>
public sealed class OsmSchema : SchemaSuite
{
    protected override ITranslator Translator { get; } = new OsmTranslator(new OsmOptions { ServiceOutput = ServiceOutput.All });

    protected override IReadOnlyList<string> CrdFiles => OsmCrds.All;

    protected override string CorpusFolder => "examples/osm";

    protected override Gen<MeshConfig> Models => OsmModels.Any;

    protected override IEnumerable<MeshConfig> SampleModels => [.. Samples.All, .. RepositorySamples.MeshYaml()];

    /// <summary>OSM's CRDs declare no CEL rule and its corpus holds no core Service: no rule is reached there.</summary>
    protected override bool CorpusReachesCelRules => false;

    /// <summary>OSM's CRDs declare no CEL rules (durations are free strings): the rules broken are the core Service's, on the Services written.</summary>
    protected override IEnumerable<Action<JsonNode>> RuleViolations(JsonNode resource)
    {
        if (resource["kind"]?.GetValue<string>() == "Service" && resource["spec"]?["ports"] is JsonArray { Count: > 0 })
        {
            yield return node => node["spec"]!["ports"]![0]!["targetPort"] = "Not_A_Port_Name";
        }
    }
}

/// <summary>The same check with the default options: leaf Services only, and the MeshConfig's name and namespace moved.</summary>
public sealed class OsmLeafServicesSchema : SchemaSuite
{
    protected override ITranslator Translator { get; } = new OsmTranslator(new OsmOptions { MeshConfigName = "mesh", MeshConfigNamespace = "osm" });

    protected override IReadOnlyList<string> CrdFiles => OsmCrds.All;

    protected override string CorpusFolder => "examples/osm";

    protected override Gen<MeshConfig> Models => OsmModels.WithinCapabilities;

    protected override IEnumerable<MeshConfig> SampleModels => Samples.All;

    protected override long Iterations => Soak.Scale(75);

    protected override bool CorpusReachesCelRules => false;

    protected override IEnumerable<Action<JsonNode>> RuleViolations(JsonNode resource)
    {
        if (resource["kind"]?.GetValue<string>() == "Service" && resource["spec"]?["ports"] is JsonArray { Count: > 0 })
        {
            yield return node => node["spec"]!["ports"]![0]!["targetPort"] = "Not_A_Port_Name";
        }
    }
}

public sealed class OsmCorpus : CorpusSuite
{
    protected override ITranslator Translator { get; } = new OsmTranslator();

    protected override string CorpusFolder => "examples/osm";

    /// <summary>What the OSM export writes from the whole model, not from one input field.</summary>
    protected override IReadOnlyList<DerivedField> DerivedFields =>
    [
        new("MeshConfig $.spec.traffic.enablePermissiveTrafficPolicyMode", "the partial MeshConfig says whether the model has allow policies (off) or not (on), whatever the input's MeshConfig said"),
        new("MeshConfig $.spec.featureFlags", "the flags OSM needs to apply the Retry and Egress policies written, set whenever one is written"),
    ];
}

public sealed class OsmBadInput : BadInputSuite
{
    protected override ITranslator Translator { get; } = new OsmTranslator();

    protected override string ValidDocument => """
        apiVersion: split.smi-spec.io/v1alpha2
        kind: TrafficSplit
        metadata:
          name: bookstore-split
          namespace: bookstore
          annotations:
            mesh-sdk.io/route-kind: tcp
            mesh-sdk.io/tcp-port: "14001"
        spec:
          service: bookstore.bookstore.svc.cluster.local
          backends:
          - service: bookstore-v1
            weight: 75
          - service: bookstore-v2
            weight: 25
        """;

    protected override IEnumerable<BadInputCase> Cases =>
    [
        new("wrong type (weight as string)", """
            apiVersion: split.smi-spec.io/v1alpha2
            kind: TrafficSplit
            metadata: { name: s, namespace: ns }
            spec: { service: a, backends: [{ service: b, weight: ninety }] }
            """, "$.spec.backends[0].weight"),
        new("unknown egress protocol", """
            apiVersion: policy.openservicemesh.io/v1alpha1
            kind: Egress
            metadata: { name: e, namespace: ns }
            spec:
              sources: [{ kind: ServiceAccount, name: a, namespace: ns }]
              hosts: [example.com]
              ports: [{ number: 443, protocol: quic }]
            """, "$.spec.ports[0].protocol"),
        new("missing root service", """
            apiVersion: split.smi-spec.io/v1alpha2
            kind: TrafficSplit
            metadata: { name: s, namespace: ns }
            spec: { backends: [{ service: b, weight: 1 }] }
            """, "$.spec.service"),
        new("missing backend weight", """
            apiVersion: split.smi-spec.io/v1alpha2
            kind: TrafficSplit
            metadata: { name: s, namespace: ns }
            spec: { service: a, backends: [{ service: b }] }
            """, "$.spec.backends[0].weight"),
        new("destination that is no service account", """
            kind: TrafficTarget
            apiVersion: access.smi-spec.io/v1alpha3
            metadata: { name: t, namespace: ns }
            spec:
              destination: { kind: Pod, name: a }
              sources: [{ kind: ServiceAccount, name: b }]
              rules: [{ kind: TCPRoute, name: r }]
            """, "$.spec.destination"),
        new("retry without a policy", """
            kind: Retry
            apiVersion: policy.openservicemesh.io/v1alpha1
            metadata: { name: r, namespace: ns }
            spec:
              source: { kind: ServiceAccount, name: a }
              destinations: [{ kind: Service, name: b }]
            """, "$.spec.retryPolicy"),
        new("unknown apiVersion", """
            apiVersion: split.smi-spec.io/v1alpha4
            kind: TrafficSplit
            metadata: { name: s }
            spec: {}
            """, "$.apiVersion"),
    ];
}

/// <summary>One case per row of the capability table (<see cref="OsmCapabilityCases"/>); every Service written, as a migration carries them.</summary>
public sealed class OsmCapabilityRows : CapabilityRowSuite
{
    protected override ITranslator Translator { get; } = new OsmTranslator(new OsmOptions { ServiceOutput = ServiceOutput.All });

    private static readonly Dictionary<MeshFeature, MeshConfig> CaseTable = OsmCapabilityCases.All.ToDictionary(c => c.Key, c => OsmModels.RoutedSubsetsOnly(c.Value));

    /// <summary>The cases, each with only the subsets it routes to (OSM has only the leaf Services of those).</summary>
    protected override IReadOnlyDictionary<MeshFeature, MeshConfig> Cases => CaseTable;
}

/// <summary>Generated models within OSM's capabilities, in the normal form OSM reads back (<see cref="OsmModels.ToOsm"/>); every Service written, as a migration carries them.</summary>
public sealed class OsmRoundTrip : RoundTripSuite
{
    protected override ITranslator Translator { get; } = new OsmTranslator(new OsmOptions { ServiceOutput = ServiceOutput.All });

    protected override Gen<MeshConfig> ModelsWithinCapabilities => OsmModels.WithinCapabilities;
}

/// <summary>The migration matrix: this provider paired with every other, both ways.</summary>
public sealed class OsmMigrationMatrix : MigrationMatrixSuite
{
    protected override ITranslator Translator { get; } = new OsmTranslator(new OsmOptions { ServiceOutput = ServiceOutput.All });

    protected override IReadOnlyList<ITranslator> Partners => MigrationPartners.Except(Translator.Provider);
}

/// <summary>Every conformance suite is derived here.</summary>
public sealed class OsmSuiteCoverage
{
    [Fact]
    public void EveryConformanceSuite_IsDerived() => SuiteCoverage.AssertEverySuiteDerived(typeof(OsmSuiteCoverage).Assembly);
}

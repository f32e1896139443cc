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

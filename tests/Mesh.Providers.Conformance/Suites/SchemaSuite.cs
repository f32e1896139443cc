using System.Text.Json.Nodes;
using CsCheck;
using Mesh.Model;
using Mesh.Providers.Conformance.Schema;
using Mesh.Providers.Conformance.Support;
using Xunit;

namespace Mesh.Providers.Conformance.Suites;

/// <summary>
/// Every object the provider emits, for generated models and for the sample models, validates strictly (no unknown
/// fields) against the provider's published CRD schemas, and satisfies the CEL duration rules the schemas declare.
/// </summary>
public abstract class SchemaSuite : ConformanceSuite
{
    private CrdSchemaSet? _schemas;

    /// <summary>The provider's CRD files, relative to <c>../shared/conformance</c>.</summary>
    protected abstract IReadOnlyList<string> CrdFiles { get; }

    /// <summary>Generated valid models (any features: what the provider cannot express is reported, not emitted).</summary>
    protected abstract Gen<MeshConfig> Models { get; }

    /// <summary>Hand-written models covering every feature the provider expresses (e.g. the samples).</summary>
    protected abstract IEnumerable<MeshConfig> SampleModels { get; }

    /// <summary>The number of generated models checked.</summary>
    /// <value>Defaults to 150.</value>
    protected virtual long Iterations => 150;

    private CrdSchemaSet Schemas => _schemas ??= new CrdSchemaSet(CrdFiles.Select(ConformancePaths.Require).ToList());

    /// <summary>Validates the YAML the provider writes for <paramref name="model"/>; returns every problem.</summary>
    /// <param name="model">The model.</param>
    protected IReadOnlyList<string> Problems(MeshConfig model)
    {
        var yaml = Translator.WriteYaml(Translator.Translate(model).Resources);
        var problems = new List<string>();
        foreach (var resource in YamlJson.Documents(yaml))
        {
            var id = $"{resource["kind"]}/{resource["metadata"]?["namespace"]}/{resource["metadata"]?["name"]}";
            problems.AddRange(Schemas.Validate(resource).Select(p => $"{id} {p}"));
        }
        return problems;
    }

    /// <summary>The sample models validate strictly.</summary>
    [Fact]
    public void SampleModels_EmitOnlySchemaValidObjects()
    {
        var samples = SampleModels.ToList();
        Assert.NotEmpty(samples);
        foreach (var model in samples)
        {
            var problems = Problems(model);
            Assert.True(problems.Count == 0, $"{model.Name}:\n" + string.Join("\n", problems));
        }
    }

    /// <summary>Generated models validate strictly.</summary>
    [Fact]
    public void GeneratedModels_EmitOnlySchemaValidObjects()
    {
        _ = Schemas;
        Models.Sample(model =>
        {
            var problems = Problems(model);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }, iter: Iterations);
    }

    /// <summary>The check can fail: an unknown field, a wrong type and a too-short duration are each caught.</summary>
    [Fact]
    public void StrictValidation_CatchesUnknownFieldsWrongTypesAndShortDurations()
    {
        var sample = SampleModels.First();
        var resource = YamlJson.Documents(Translator.WriteYaml(Translator.Translate(sample).Resources))[0];
        Assert.Empty(Schemas.Validate(resource));

        var unknown = resource.DeepClone();
        unknown["spec"]!["notAField"] = "x";
        Assert.Contains(Schemas.Validate(unknown), p => p.Contains("notAField", StringComparison.Ordinal) || p.Contains("additionalProperties", StringComparison.Ordinal) || p.Contains("$.spec", StringComparison.Ordinal) || p.Contains("/spec", StringComparison.Ordinal));

        var wrongType = resource.DeepClone();
        wrongType["metadata"] = "not-an-object";
        Assert.NotEmpty(Schemas.Validate(wrongType));

        var nested = resource.DeepClone();
        var durations = DurationPaths(resource).ToList();
        if (durations.Count > 0)
        {
            durations[0](nested, "500us");
            Assert.Contains(Schemas.Validate(nested), p => p.Contains("below the minimum", StringComparison.Ordinal));
        }
    }

    /// <summary>Setters for the duration fields of <paramref name="resource"/>, found by the CEL rule of their schema (for the self-test).</summary>
    /// <param name="resource">An emitted resource.</param>
    protected virtual IEnumerable<Action<JsonNode, string>> DurationPaths(JsonNode resource) => [];
}

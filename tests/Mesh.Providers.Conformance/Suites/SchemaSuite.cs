using Mesh.Translation;
using System.Text.Json.Nodes;
using CsCheck;
using Mesh.Model;
using Mesh.Providers.Conformance.Schema;
using Mesh.Providers.Conformance.Support;
using Xunit;

namespace Mesh.Providers.Conformance.Suites;

/// <summary>
/// Every object the provider emits, for generated models and for the sample models, validates strictly (no unknown
/// fields) against the provider's published CRD schemas, and satisfies every CEL rule (<c>x-kubernetes-validations</c>)
/// the schemas declare, on the object defaulted as the API server does. The rule evaluator is itself checked: the
/// provider's upstream example corpus passes every rule it can evaluate, a broken object is caught, and what it could
/// not evaluate is counted and printed.
/// </summary>
public abstract class SchemaSuite : ConformanceSuite
{
    private CrdSchemaSet? _schemas;

    /// <summary>The provider's CRD files, relative to <c>../shared/conformance</c>.</summary>
    protected abstract IReadOnlyList<string> CrdFiles { get; }

    /// <summary>The provider's upstream example manifests, relative to <c>../shared/conformance</c> (the folder of its corpus suite, e.g. <c>examples/istio</c>).</summary>
    protected abstract string CorpusFolder { get; }

    /// <summary>Generated valid models (any features: what the provider cannot express is reported, not emitted).</summary>
    protected abstract Gen<MeshConfig> Models { get; }

    /// <summary>Hand-written models covering every feature the provider expresses (e.g. the samples).</summary>
    protected abstract IEnumerable<MeshConfig> SampleModels { get; }

    /// <summary>The number of generated models checked.</summary>
    /// <value>Defaults to 150.</value>
    protected virtual long Iterations => Soak.Scale(150);

    /// <summary>
    /// CEL rules that the provider's output for generated models is known to break, left alone on purpose, each with the
    /// reason: a failure of one of these rules (matched by its message) does not fail
    /// <see cref="GeneratedModels_EmitOnlySchemaValidObjects"/>, and is counted and printed by
    /// <see cref="CelRules_OnEmittedObjects_AreCounted"/>. The sample models get no such allowance.
    /// </summary>
    protected virtual IReadOnlyList<KnownRejection> KnownRejections => [];

    private CrdSchemaSet Schemas => _schemas ??= new CrdSchemaSet(CrdFiles.Select(ConformancePaths.Require).ToList());

    /// <summary>Validates the YAML the provider writes for <paramref name="model"/>; returns every problem.</summary>
    /// <param name="model">The model.</param>
    protected IReadOnlyList<string> Problems(MeshConfig model) => Problems(Schemas, model, allowKnownRejections: false, tolerated: null);

    private List<string> Problems(CrdSchemaSet schemas, MeshConfig model, bool allowKnownRejections, List<string>? tolerated)
    {
        var yaml = Translator.WriteYaml(Translator.Translate(model).Resources);
        var problems = new List<string>();
        foreach (var resource in YamlJson.Documents(yaml))
        {
            var id = $"{resource["kind"]}/{resource["metadata"]?["namespace"]}/{resource["metadata"]?["name"]}";
            foreach (var problem in schemas.Validate(resource))
            {
                if (allowKnownRejections && KnownRejections.FirstOrDefault(k => problem.Contains($": {k.RuleMessage} (", StringComparison.Ordinal)) is { } known)
                {
                    if (tolerated is not null) lock (tolerated) tolerated.Add(known.RuleMessage);
                    continue;
                }
                problems.Add($"{id} {problem}");
            }
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

    /// <summary>Generated models validate strictly (but for <see cref="KnownRejections"/>).</summary>
    [Fact]
    public void GeneratedModels_EmitOnlySchemaValidObjects()
    {
        _ = Schemas;
        Models.Sample(model =>
        {
            var problems = Problems(Schemas, model, allowKnownRejections: true, tolerated: null);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }, iter: Iterations);
    }

    /// <summary>
    /// The Services the provider writes (with every Service written) are checked against the vendored core <c>v1</c> Service
    /// schema, and that check can fail: an unknown field, a port out of range, two unnamed ports, an invalid named target
    /// port and a Service name that is not a DNS-1035 label are each caught.
    /// </summary>
    [Fact]
    public void WrittenServices_ValidateAgainstTheCoreServiceSchema_WhichCatchesBrokenServices()
    {
        // Loaded first: without ../shared/conformance the test skips here, not inside an assertion.
        var schemas = Schemas;
        var model = SampleModels.First();
        var services = YamlJson.Documents(Translator.WriteYaml(Translator.Translate(model, new TranslationOptions { Services = ServiceOutput.All }).Resources))
            .Where(d => d["apiVersion"]?.GetValue<string>() == "v1" && d["kind"]?.GetValue<string>() == "Service").ToList();
        Assert.NotEmpty(services);
        Assert.All(services, s => Assert.Empty(schemas.Validate(s)));

        JsonNode Broken(Action<JsonNode> change)
        {
            var copy = services[0].DeepClone();
            change(copy);
            return copy;
        }
        Assert.NotEmpty(schemas.Validate(Broken(s => s["spec"]!["notAField"] = "x")));
        Assert.NotEmpty(schemas.Validate(Broken(s => s["spec"]!["ports"]![0]!["port"] = 0)));
        Assert.NotEmpty(schemas.Validate(Broken(s => s["spec"]!["ports"] = new JsonArray(new JsonObject { ["port"] = 80 }, new JsonObject { ["port"] = 81 }))));
        Assert.NotEmpty(schemas.Validate(Broken(s => s["spec"]!["ports"]![0]!["targetPort"] = "Not_A_Port_Name")));
        Assert.NotEmpty(schemas.Validate(Broken(s => s["metadata"]!["name"] = "1-starts-with-a-digit")));
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
            Assert.Contains(Schemas.Validate(nested), p => p.Contains("(CEL rule: duration(self) >= duration('1ms'))", StringComparison.Ordinal));
        }
    }

    /// <summary>Setters for the duration fields of <paramref name="resource"/>, found by the CEL rule of their schema (for the self-test).</summary>
    /// <param name="resource">An emitted resource.</param>
    protected virtual IEnumerable<Action<JsonNode, string>> DurationPaths(JsonNode resource) => [];

    /// <summary>
    /// Changes to <paramref name="resource"/> that keep it valid for the OpenAPI schema but break one of its CEL rules (for
    /// the self-test); by default, a duration below the 1ms minimum in each of <see cref="DurationPaths"/>.
    /// </summary>
    /// <param name="resource">An emitted resource.</param>
    protected virtual IEnumerable<Action<JsonNode>> RuleViolations(JsonNode resource) =>
        DurationPaths(resource).Select(set => (Action<JsonNode>)(node => set(node, "500us")));

    /// <summary>The check can fail on a CEL rule alone: each of <see cref="RuleViolations"/> of the sample output is caught, with the rule named.</summary>
    [Fact]
    public void CelRules_CatchABrokenRule()
    {
        var resources = SampleModels.SelectMany(m => YamlJson.Documents(Translator.WriteYaml(Translator.Translate(m).Resources))).ToList();
        var cases = resources.SelectMany(r => RuleViolations(r).Select(violate => (Resource: r, Violate: violate))).ToList();
        Assert.NotEmpty(cases);
        foreach (var (resource, violate) in cases)
        {
            Assert.Empty(Schemas.Validate(resource));
            var broken = resource.DeepClone();
            violate(broken);
            var problems = Schemas.Validate(broken);
            Assert.NotEmpty(problems);
            Assert.All(problems, p => Assert.Contains("(CEL rule: ", p, StringComparison.Ordinal));
        }
        Assert.True(Schemas.CelReport.Violated > 0);
    }

    /// <summary>
    /// The evaluator is right where the API server is known to accept: every manifest of the provider's upstream corpus
    /// that a loaded CRD serves passes every CEL rule that could be evaluated.
    /// </summary>
    [Fact]
    public void UpstreamCorpus_PassesEveryEvaluableCelRule()
    {
        var schemas = new CrdSchemaSet(CrdFiles.Select(ConformancePaths.Require).ToList());
        var folder = ConformancePaths.Require(CorpusFolder);
        var problems = new List<string>();
        var checkedDocuments = 0;
        foreach (var file in Directory.GetFiles(folder, "*.yaml").Concat(Directory.GetFiles(folder, "*.yml")).Order(StringComparer.Ordinal))
        {
            var documents = YamlJson.Documents(File.ReadAllText(file));
            for (var i = 0; i < documents.Count; i++)
            {
                if (!schemas.Knows(documents[i])) continue;
                checkedDocuments++;
                problems.AddRange(schemas.ValidateRules(documents[i]).Select(p => $"{Path.GetFileName(file)}#{i} {p}"));
            }
        }
        var report = schemas.CelReport;
        TestContext.Current.TestOutputHelper?.WriteLine($"{CorpusFolder}: {checkedDocuments} manifests of served kinds\n{report}");
        Assert.True(checkedDocuments > 0, $"no manifest of {CorpusFolder} is of a kind the CRDs serve");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        if (CorpusReachesCelRules) Assert.True(report.Checked > 0, report.ToString());
        else Assert.True(report.Reached == 0, $"{CorpusFolder} reaches CEL rules: drop the CorpusReachesCelRules override. {report}");
        Assert.True(report.Unevaluated == 0, report.ToString());
    }

    /// <summary>
    /// Whether the upstream corpus reaches CEL rules, so that <see cref="UpstreamCorpus_PassesEveryEvaluableCelRule"/> can require
    /// some to be checked; false for a provider whose CRDs declare none and whose corpus holds no core Service (OSM, Consul), where the
    /// test requires instead that none is reached.
    /// </summary>
    /// <value>Defaults to true.</value>
    protected virtual bool CorpusReachesCelRules => true;

    /// <summary>
    /// What the CEL check covers on this provider's output (the samples and a run of generated models): rules checked,
    /// violated and unevaluated (with reasons), and the known rejections met, printed; fewer rules are unevaluable than
    /// declared, and no rule fails but the known rejections.
    /// </summary>
    [Fact]
    public void CelRules_OnEmittedObjects_AreCounted()
    {
        var schemas = new CrdSchemaSet(CrdFiles.Select(ConformancePaths.Require).ToList());
        var problems = new List<string>();
        var tolerated = new List<string>();
        foreach (var model in SampleModels) problems.AddRange(Problems(schemas, model, allowKnownRejections: false, tolerated: null));
        Models.Sample(model =>
        {
            var found = Problems(schemas, model, allowKnownRejections: true, tolerated);
            lock (problems) problems.AddRange(found);
        }, iter: Math.Min(Iterations, 50));
        var report = schemas.CelReport;
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"{Translator.Provider} output ({string.Join(", ", CrdFiles)})\n{report}");
        foreach (var known in KnownRejections)
        {
            output?.WriteLine($"known rejection, {tolerated.Count(t => t == known.RuleMessage)} failures: \"{known.RuleMessage}\" ({known.Reason})");
        }
        Assert.True(report.Unevaluable + report.Unevaluated < report.Declared, report.ToString());
        Assert.True(report.Checked > 0, report.ToString());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

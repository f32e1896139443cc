using System.Text.Json;
using Mesh.Analysis;
using Mesh.Diagnostics;
using Mesh.Providers.AppMesh;
using Mesh.Providers.Consul;
using Mesh.Providers.GatewayApi;
using Mesh.Providers.Istio;
using Mesh.Providers.Linkerd;
using Mesh.Providers.Osm;
using Mesh.Translation;

namespace Mesh.Cli.Tests;

/// <summary><see cref="MigrationPlanner"/> and <c>mesh migrate --report</c>: the plan agrees with the diagnostics, names what each object became, and holds on the whole corpus for every pair.</summary>
public sealed class MigrationPlanTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mesh-plan-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly ITranslator[] Translators =
        [new IstioTranslator(), new GatewayApiTranslator(), new LinkerdTranslator(), new AppMeshTranslator(), new OsmTranslator(), new ConsulTranslator()];

    /// <summary>The sample written for Istio, with every Service, as the source manifests.</summary>
    private static SourceText IstioSample()
    {
        var model = Mesh.Serialization.MeshYaml.Read(File.ReadAllText(CliRunner.Sample("bookinfo.mesh.yaml"))).Config!;
        var istio = new IstioTranslator();
        return new SourceText("bookinfo.istio.yaml", istio.WriteYaml(istio.Translate(model, new TranslationOptions { Services = ServiceOutput.All }).Resources));
    }

    /// <summary>The plan's findings are exactly the diagnostics of each kind, so nothing is counted twice or left out.</summary>
    private static void AssertAgreesWithDiagnostics(MigrationPlan plan)
    {
        Assert.Equal(plan.Diagnostics.Count(d => d.Severity != DiagnosticSeverity.Info && (d.Code == DiagnosticCodes.FieldNotImported || d.Code == DiagnosticCodes.UnknownResourceKind || d.Code == DiagnosticCodes.OutOfScope)), plan.Findings.Count(f => f.Stage == PlanStage.Import));
        Assert.Equal(plan.Translation?.Diagnostics.Count(d => d.Code == DiagnosticCodes.Unsupported) ?? 0, plan.Findings.Count(f => f.Stage == PlanStage.Translate && f.Outcome == PlanOutcome.Lost));
        Assert.Equal(plan.Translation?.Diagnostics.Count(d => d.Code == DiagnosticCodes.Approximated || d.Code == DiagnosticCodes.WeightsRounded) ?? 0, plan.Findings.Count(f => f.Outcome == PlanOutcome.Approximated));
        Assert.Equal(plan.Changes.Count, plan.Findings.Count(f => f.Outcome == PlanOutcome.Changed));
        // Ready means written without errors, and what was written is listed.
        Assert.Equal(plan.CanMigrate, plan.Translation is { HasErrors: false } && !plan.Diagnostics.Any(d => d.IsError));
        if (plan.Translation is { HasErrors: false } written) Assert.Equal(written.Resources.Count, plan.Targets.Count);
        using var json = JsonDocument.Parse(plan.ToJson());
        Assert.Equal(plan.Findings.Count, json.RootElement.GetProperty("findings").GetArrayLength());
        Assert.Equal(plan.Sources.Count, json.RootElement.GetProperty("counts").GetProperty("sources").GetInt32());
        Assert.StartsWith($"# Migration plan: {plan.From} → {plan.To}", plan.ToMarkdown(), StringComparison.Ordinal);
        // What each object is part of names objects of the imported model: the targets by their source annotation, the
        // sources by what the model loses without them.
        if (plan.Config is { } config)
        {
            var names = Mesh.Model.ModelObjectNames.All(config).Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var o in plan.Sources.Concat(plan.Targets))
            {
                Assert.All(o.ModelObjects ?? [], n => Assert.True(names.Contains(n), $"{o} names {n}, which the model does not have."));
            }
            Assert.All(plan.Targets, t => Assert.True(t.ModelObjects is { Count: > 0 }, $"{t} names no model object."));
        }
    }

    [Fact]
    public void IstioToLinkerd_OfTheSample_NamesWhatEachObjectBecame_AndWhatIsLost()
    {
        var plan = MigrationPlanner.Plan([IstioSample()], new IstioTranslator(), new LinkerdTranslator(), new MigrationPlanOptions { AllowLoss = true });
        AssertAgreesWithDiagnostics(plan);
        Assert.True(plan.CanMigrate, string.Join("\n", plan.Diagnostics.Where(d => d.IsError)));
        var vs = Assert.Single(plan.Sources, s => s.Kind == "VirtualService" && s.Name == "reviews");
        Assert.Contains(plan.Became(vs), t => t.Kind == "HTTPRoute" && t.Name == "reviews" && t.Namespace == "bookinfo");
        // Linkerd has no fault injection: the sample's fault is lost, by feature.
        Assert.Contains(plan.Findings, f => f.Stage == PlanStage.Translate && f.Outcome == PlanOutcome.Lost && f.Feature == "spec.routes.rules.fault");
        Assert.Contains("| translate | `spec.routes.rules.fault` | 1 | 0 |", plan.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void Became_FollowsTheModelObjects_NotTheNames()
    {
        var plan = MigrationPlanner.Plan([IstioSample()], new IstioTranslator(), new GatewayApiTranslator(), new MigrationPlanOptions { AllowLoss = true, Services = ServiceOutput.All });
        Assert.True(plan.CanMigrate, string.Join("\n", plan.Diagnostics.Where(d => d.IsError)));
        Assert.All(plan.Sources, s => Assert.NotNull(s.ModelObjects));
        PlanObject Source(string kind, string name) => Assert.Single(plan.Sources, s => s.Kind == kind && s.Name == name);

        // A DestinationRule holds the subsets of its service: it is part of the service, and of its destination policies.
        var rule = Source("DestinationRule", "reviews");
        Assert.Contains("services/bookinfo/reviews", rule.ModelObjects!);
        Assert.Contains(rule.ModelObjects!, n => n.StartsWith("destinationPolicies/bookinfo/reviews", StringComparison.Ordinal));
        // So it became the Service and the leaf Services Gateway API routes to, whatever their names.
        Assert.Contains(plan.Became(rule), t => t.Kind == "Service" && t.Name == "reviews-v1");
        Assert.DoesNotContain(plan.Became(rule), t => t.Kind == "HTTPRoute");

        // A Service the routes also imply is still the source of what is written for its service.
        Assert.Contains(plan.Became(Source("Service", "reviews")), t => t.Kind == "Service" && t.Name == "reviews-v2");
        // A VirtualService became its HTTPRoute, and no other route.
        var routes = plan.Became(Source("VirtualService", "reviews"));
        Assert.Equal(["reviews"], routes.Where(t => t.Kind == "HTTPRoute").Select(t => t.Name));
        // An AuthorizationPolicy Gateway API cannot express became nothing, though a target shares its name's prefix.
        Assert.Equal(["accessPolicies/bookinfo/ratings-from-reviews"], Source("AuthorizationPolicy", "ratings-from-reviews").ModelObjects);
        Assert.Empty(plan.Became(Source("AuthorizationPolicy", "ratings-from-reviews")));

        using var json = JsonDocument.Parse(plan.ToJson());
        var first = json.RootElement.GetProperty("sources")[0];
        Assert.Equal(plan.Sources[0].ModelObjects!.Count, first.GetProperty("modelObjects").GetArrayLength());
        Assert.Equal(plan.Became(plan.Sources[0]).Count, first.GetProperty("became").GetArrayLength());
    }

    [Fact]
    public void Became_ByName_WhenTheInputIsTooLargeToTrace()
    {
        // Over the limit, sources are not traced (one import per document) and Became falls back to names.
        var model = Mesh.Serialization.MeshYaml.Read(File.ReadAllText(CliRunner.Sample("bookinfo.mesh.yaml"))).Config!;
        var istio = new IstioTranslator();
        var documents = istio.Translate(model, new TranslationOptions { Services = ServiceOutput.All }).Resources;
        var repeats = MigrationPlanner.ProvenanceLimit / documents.Count + 1;
        // The sample again in namespaces bookinfo0, bookinfo1, …: distinct objects, one valid model.
        var yaml = istio.WriteYaml(documents);
        var text = string.Join("\n---\n", Enumerable.Range(0, repeats).Select(k => yaml.Replace("bookinfo", $"bookinfo{k}", StringComparison.Ordinal)));
        var plan = MigrationPlanner.Plan([new SourceText("big.yaml", text)], istio, new GatewayApiTranslator(), new MigrationPlanOptions { AllowLoss = true });
        Assert.True(plan.Sources.Count > MigrationPlanner.ProvenanceLimit);
        Assert.All(plan.Sources, s => Assert.Null(s.ModelObjects));
        Assert.True(plan.CanMigrate, string.Join("\n", plan.Diagnostics.Where(d => d.IsError).Take(5)));
        var vs = plan.Sources.First(s => s.Kind == "VirtualService" && s.Name == "reviews");
        Assert.Contains(plan.Became(vs), t => t.Kind == "HTTPRoute" && t.Name == "reviews" && t.Namespace == vs.Namespace);
    }

    [Fact]
    public void Migrate_WritesTheReport_AsMarkdownOrJson_EvenWhenItStops()
    {
        var manifests = Path.Combine(_dir, "bookinfo.istio.yaml");
        File.WriteAllText(manifests, IstioSample().Text);
        var md = Path.Combine(_dir, "plan.md");
        var stopped = CliRunner.Invoke("migrate", manifests, "--from", "istio", "--to", "linkerd", "--report", md, "-o", Path.Combine(_dir, "out.yaml"));
        Assert.Equal(1, stopped.ExitCode);
        Assert.False(File.Exists(Path.Combine(_dir, "out.yaml")));
        var text = File.ReadAllText(md);
        Assert.Contains("**Blocked**", text, StringComparison.Ordinal);
        // The rules whose traffic changes are drawn highlighted in the plan's picture.
        Assert.Contains("```mermaid\nflowchart LR", text, StringComparison.Ordinal);
        Assert.Contains("linkStyle ", text, StringComparison.Ordinal);

        var json = Path.Combine(_dir, "plan.json");
        var run = CliRunner.Invoke("migrate", manifests, "--from", "istio", "--to", "linkerd", "--allow-loss", "--report", json, "-o", Path.Combine(_dir, "out.yaml"));
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        Assert.True(doc.RootElement.GetProperty("canMigrate").GetBoolean());
        Assert.Equal("linkerd", doc.RootElement.GetProperty("to").GetString());
    }

    [Fact]
    public void EveryCorpusFile_ForEveryPairOfProviders_GivesAPlanThatAgreesWithItsDiagnostics()
    {
        var examples = Path.GetFullPath(Path.Combine(Mesh.Testing.TestPaths.RepoRoot, "..", "shared", "conformance", "examples"));
        if (!Directory.Exists(examples)) Assert.Skip("../shared/conformance (upstream example manifests) is not present next to the repository.");
        var lines = new List<string>();
        foreach (var from in Translators)
        {
            var folder = Path.Combine(examples, from.Provider.Value);
            if (!Directory.Exists(folder)) continue;
            var files = Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).Select(f => new SourceText(Path.GetFileName(f), File.ReadAllText(f))).ToList();
            foreach (var to in Translators.Where(t => t.Provider != from.Provider))
            {
                int ready = 0, lost = 0, approximated = 0, changed = 0;
                foreach (var file in files)
                {
                    var plan = MigrationPlanner.Plan([file], from, to);
                    AssertAgreesWithDiagnostics(plan);
                    if (plan.CanMigrate) ready++;
                    lost += plan.Findings.Count(f => f.Outcome == PlanOutcome.Lost);
                    approximated += plan.Findings.Count(f => f.Outcome == PlanOutcome.Approximated);
                    changed += plan.Changes.Count;
                }
                lines.Add($"{from.Provider} → {to.Provider}: {files.Count} files, {ready} ready, lost {lost}, approximated {approximated}, rules changed {changed}");
            }
        }
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", lines));
        Assert.Equal(30, lines.Count);
    }
}

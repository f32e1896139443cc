using System.Text.Json.Nodes;
using Mesh.Analysis;
using Mesh.Diagnostics;
using Mesh.Providers.Conformance.Support;
using Mesh.Translation;
using Mesh.Validation;
using Xunit;

namespace Mesh.Providers.Conformance.Suites;

/// <summary>
/// The provider's real upstream manifests: each file imports without an exception; re-exporting the imported model
/// writes only fields that were in the input (nothing invented); every input field missing from the re-export is named
/// by a diagnostic; and importing the re-export gives back the very same model (a fixed point), except where a diagnostic of
/// the export names the difference (what a provider reads but never writes, such as the port names of a core Service).
/// </summary>
public abstract class CorpusSuite : ConformanceSuite
{
    /// <summary>The corpus folder, relative to <c>../shared/conformance</c> (e.g. <c>examples/istio</c>).</summary>
    protected abstract string CorpusFolder { get; }

    /// <summary>
    /// Output fields the export derives from the whole model or from the translator's options rather than from one input field
    /// (e.g. a node's backends: every node may call every service): fields under such a prefix are not counted as invented.
    /// Each needs a reason; <see cref="CorpusCounts_AreReported"/> prints them. None by default.
    /// </summary>
    protected virtual IReadOnlyList<DerivedField> DerivedFields => [];

    /// <summary>Checks every file of the corpus.</summary>
    protected IReadOnlyList<CorpusFileReport> CheckCorpus()
    {
        var folder = ConformancePaths.Require(CorpusFolder);
        return [.. Directory.GetFiles(folder, "*.yaml").Concat(Directory.GetFiles(folder, "*.yml")).Order(StringComparer.Ordinal).Select(Check)];
    }

    /// <summary>Checks one file.</summary>
    /// <param name="path">The file.</param>
    protected CorpusFileReport Check(string path)
    {
        var name = Path.GetFileName(path);
        var text = File.ReadAllText(path);
        var problems = new List<string>();
        var imported = Translator.ImportYaml(text, name);
        var inputs = YamlJson.Documents(text);
        if (imported.Config is null)
        {
            problems.Add("import failed: " + string.Join("; ", imported.Diagnostics.Where(d => d.IsError)));
            return new CorpusFileReport(name, inputs.Count, 0, 0, problems);
        }

        var translated = Translator.Translate(imported.Config);
        var yaml = Translator.WriteYaml(translated.Resources);
        var outputs = YamlJson.Documents(yaml);

        // Nothing invented: every spec field of the output, per kind, is a field of the input of that kind — or, when the import
        // declared services or subsets the input names without defining them (MESH2206/MESH2207, ImportCompletion), a field
        // the provider writes to declare the imported model's services.
        var inputFields = inputs.SelectMany(d => SpecLeaves(d).Select(l => Kind(d) + " " + YamlJson.WithoutIndices(l))).ToHashSet(StringComparer.Ordinal);
        if (imported.Diagnostics.Any(IsCompletion))
        {
            // External services declared from a host (MESH2206 at $.spec.externalServices) are written as the provider's egress entries.
            var declarations = Translator.Translate(new Mesh.Model.MeshConfig
            {
                Name = imported.Config.Name,
                Services = imported.Config.Services,
                ExternalServices = imported.Diagnostics.Any(d => d.Code == DiagnosticCodes.ServiceInferred && d.Path == "$.spec.externalServices") ? imported.Config.ExternalServices : default,
            });
            inputFields.UnionWith(YamlJson.Documents(Translator.WriteYaml(declarations.Resources)).SelectMany(d => SpecLeaves(d).Select(l => Kind(d) + " " + YamlJson.WithoutIndices(l))));
        }
        var outputFields = outputs.SelectMany(d => SpecLeaves(d).Select(l => Kind(d) + " " + YamlJson.WithoutIndices(l))).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(outputFields.Except(inputFields).Where(f => !IsDerived(f)).Order(StringComparer.Ordinal).Select(f => $"invented: {f}"));

        // Nothing lost silently: every input field absent from the output is named by a diagnostic of its document.
        int carried = 0, reported = 0;
        for (var doc = 0; doc < inputs.Count; doc++)
        {
            var source = $"{name}#{doc}";
            // A note that an older served version was read (MESH2204 at $.apiVersion) names no lost field: it must not cover the document.
            var paths = imported.Diagnostics.Where(d => d.Code != DiagnosticCodes.LegacyForm && d.Path.StartsWith(source + " ", StringComparison.Ordinal)).Select(d => d.Path[(source.Length + 1)..]).ToList();
            foreach (var leaf in SpecLeaves(inputs[doc]))
            {
                var covered = paths.Any(p => Covers(p, leaf));
                if (covered) reported++;
                else carried++;
                if (!covered && !outputFields.Contains(Kind(inputs[doc]) + " " + YamlJson.WithoutIndices(leaf)))
                {
                    problems.Add($"lost without a diagnostic: {source} {leaf}");
                }
            }
        }

        // Fixed point, but for differences an export diagnostic names (at the path of the model it exported, or a parent).
        var again = Translator.ImportYaml(yaml, name + ".reexport");
        var explained = 0;
        if (again.Config != imported.Config)
        {
            IReadOnlyList<string> differences = again.Config is null ? ["$"] : ModelDiff.Paths(imported.Config, again.Config);
            var unexplained = differences.Where(p => !translated.Diagnostics.Any(d => Names(d.Path, p))).ToList();
            if (unexplained.Count > 0) problems.Add($"not a fixed point (no export diagnostic names {string.Join(", ", unexplained)}):\n  first  {Describe(imported)}\n  second {Describe(again)}");
            else explained = differences.Count;
        }
        return new CorpusFileReport(name, inputs.Count, carried, reported, problems, explained);
    }

    /// <summary>Whether <paramref name="field"/> (<c>"&lt;Kind&gt; &lt;path&gt;"</c>) is, or is under, a <see cref="DerivedFields"/> prefix.</summary>
    private bool IsDerived(string field) => DerivedFields.Any(d => Covers(d.Field, field));

    /// <summary>A diagnostic of the import's completion (ImportCompletion): a service or subset the input names but lacks, declared; it is at the model path of the reference.</summary>
    private static bool IsCompletion(Diagnostic d) => d.Code == DiagnosticCodes.ServiceInferred || d.Code == DiagnosticCodes.SubsetUndefined;

    private static string Describe(ImportResult result) => result.Config is { } c
        ? $"routes {c.Routes} tcp {c.TcpRoutes} policies {c.DestinationPolicies} services {c.Services} mtls {c.Mtls} access {c.AccessPolicies} external {c.ExternalServices}"
        : "errors: " + string.Join("; ", result.Diagnostics.Where(d => d.IsError));

    private static string Kind(JsonNode document) => $"{document["kind"]}";

    private static IEnumerable<string> SpecLeaves(JsonNode document) => YamlJson.Leaves(document["spec"], "$.spec");

    /// <summary>Whether an export diagnostic at <paramref name="diagnosticPath"/> names the model path <paramref name="difference"/>: the same path or a parent below <c>$.spec</c>.</summary>
    private static bool Names(string diagnosticPath, string difference) =>
        diagnosticPath is not ("$" or "$.spec")
        && (difference == diagnosticPath || (difference.StartsWith(diagnosticPath, StringComparison.Ordinal) && difference[diagnosticPath.Length] is '.' or '['));

    /// <summary>Whether a diagnostic at <paramref name="diagnosticPath"/> names <paramref name="leaf"/>: the same field, a parent of it, or the whole document.</summary>
    private static bool Covers(string diagnosticPath, string leaf) =>
        diagnosticPath is "$" or "$.kind" or "$.apiVersion"
        || leaf == diagnosticPath
        || (leaf.StartsWith(diagnosticPath, StringComparison.Ordinal) && leaf[diagnosticPath.Length] is '.' or '[');

    /// <summary>Every corpus file imports without an exception and without errors.</summary>
    /// <summary>Prints, per file and in total, the resources read and the input fields carried and reported; some field must be carried.</summary>
    [Fact]
    public void CorpusCounts_AreReported()
    {
        var reports = CheckCorpus();
        var lines = reports.Select(r => $"{r.File}: resources {r.Resources}, fields carried {r.FieldsCarried}, reported {r.FieldsReported}, re-import differences explained {r.DifferencesExplained}");
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", lines));
        foreach (var derived in DerivedFields) TestContext.Current.TestOutputHelper?.WriteLine($"derived, not invented: {derived.Field} — {derived.Reason}");
        TestContext.Current.TestOutputHelper?.WriteLine($"TOTAL files {reports.Count}, resources {reports.Sum(r => r.Resources)}, fields carried {reports.Sum(r => r.FieldsCarried)}, fields reported {reports.Sum(r => r.FieldsReported)}");
        Assert.True(reports.Sum(r => r.FieldsCarried) > 0);
    }

    [Fact]
    public void EveryFile_Imports()
    {
        var reports = CheckCorpus();
        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.DoesNotContain(r.Problems, p => p.StartsWith("import failed", StringComparison.Ordinal)));
    }

    /// <summary>Every import is a valid model (the shell reports an invalid one as MESH2209 errors; this checks the result itself).</summary>
    [Fact]
    public void EveryImport_Validates()
    {
        var folder = ConformancePaths.Require(CorpusFolder);
        var problems = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var result = Translator.ImportYaml(File.ReadAllText(file), name);
            if (result.Config is null) problems.Add($"{name}: no model: {string.Join("; ", result.Diagnostics.Where(d => d.IsError))}");
            else problems.AddRange(MeshValidator.Validate(result.Config).Where(d => d.IsError).Select(d => $"{name}: {d}"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// For each file and each other provider, import → translate → import keeps the behaviour of every rule, or the export
    /// names the rule (a diagnostic at the rule's path or inside it) or an earlier rule of the same route (a broadened
    /// earlier rule takes later rules' traffic). Prints the rules kept per pair.
    /// </summary>
    [Fact]
    public void Migration_KeepsEveryRulesBehaviour_OrTheExportNamesIt()
    {
        var folder = ConformancePaths.Require(CorpusFolder);
        var problems = new List<string>();
        var kept = new Dictionary<string, (int Rules, int Named)>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var imported = Translator.ImportYaml(File.ReadAllText(file), name);
            if (imported.Config is not { } model) continue;
            var before = MeshBehaviour.Of(model, model.Services);
            foreach (var target in MigrationPartners.Except(Translator.Provider))
            {
                var translated = target.Translate(model);
                if (translated.HasErrors)
                {
                    problems.Add($"{name} → {target.Provider}: translate failed: {string.Join("; ", translated.Diagnostics.Where(d => d.IsError))}");
                    continue;
                }
                var back = target.Import(translated.Resources);
                if (back.Config is null)
                {
                    problems.Add($"{name} → {target.Provider}: re-import failed: {string.Join("; ", back.Diagnostics.Where(d => d.IsError))}");
                    continue;
                }
                var changes = before.CompareTo(MeshBehaviour.Of(back.Config, model.Services));
                var named = 0;
                foreach (var change in changes)
                {
                    var path = change.Before?.Path ?? change.After?.Path ?? "$";
                    if (ChangeAttribution.Names(translated.Diagnostics, path)) named++;
                    else problems.Add($"{name} → {target.Provider}: {change.Message} (no export diagnostic names {path})");
                }
                var key = $"{Translator.Provider} → {target.Provider}";
                var (rules, namedSoFar) = kept.GetValueOrDefault(key);
                kept[key] = (rules + before.Rules.Count, namedSoFar + named);
            }
        }
        foreach (var (pair, (rules, named)) in kept) TestContext.Current.TestOutputHelper?.WriteLine($"{pair}: {rules} rules, {rules - named} kept, {named} changed and named by the export");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Re-exporting writes no field that was not in the input.</summary>
    [Fact]
    public void ReExport_InventsNoField() =>
        Assert.All(CheckCorpus(), r => Assert.True(!r.Problems.Any(p => p.StartsWith("invented", StringComparison.Ordinal)), $"{r.File}: {string.Join("\n", r.Problems.Where(p => p.StartsWith("invented", StringComparison.Ordinal)))}"));

    /// <summary>Every input field missing from the re-export is named by a diagnostic.</summary>
    [Fact]
    public void EveryDroppedField_IsReported() =>
        Assert.All(CheckCorpus(), r => Assert.True(!r.Problems.Any(p => p.StartsWith("lost", StringComparison.Ordinal)), $"{r.File}: {string.Join("\n", r.Problems.Where(p => p.StartsWith("lost", StringComparison.Ordinal)))}"));

    /// <summary>Importing the re-export gives back the same model, but for differences an export diagnostic names.</summary>
    [Fact]
    public void ReImport_IsAFixedPoint() =>
        Assert.All(CheckCorpus(), r => Assert.True(!r.Problems.Any(p => p.StartsWith("not a fixed point", StringComparison.Ordinal)), $"{r.File}: {string.Join("\n", r.Problems.Where(p => p.StartsWith("not a fixed point", StringComparison.Ordinal)))}"));

    /// <summary>
    /// Diagnostics of an import all carry a source path (<c>file#doc $…</c>), but for the completion's (MESH2206/MESH2207 of
    /// ImportCompletion, which runs on the assembled model): those are at the model path of the reference (<c>$.spec…</c>).
    /// </summary>
    [Fact]
    public void EveryDiagnostic_HasASourcePath()
    {
        var folder = ConformancePaths.Require(CorpusFolder);
        foreach (var file in Directory.GetFiles(folder, "*.yaml"))
        {
            var name = Path.GetFileName(file);
            var result = Translator.ImportYaml(File.ReadAllText(file), name);
            Assert.All(result.Diagnostics, d => Assert.Matches(IsCompletion(d) && d.Path.StartsWith("$.spec.", StringComparison.Ordinal) ? "^\\$\\.spec\\." : $"^{System.Text.RegularExpressions.Regex.Escape(name)}#[0-9]+ \\$", d.Path));
            Assert.All(result.Diagnostics, d => Assert.NotEqual(default, d.Code));
            Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        }
    }
}

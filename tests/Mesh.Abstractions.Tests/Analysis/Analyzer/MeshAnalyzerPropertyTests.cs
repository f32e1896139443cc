using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsCheck;
using Mesh.Abstractions.Tests.Analysis;
using Mesh.Analysis;
using Mesh.Model;
using Mesh.Serialization;
using Mesh.Testing;

namespace Mesh.Abstractions.Tests.Analysis.Analyzer;

/// <summary>Properties of <see cref="MeshAnalyzer"/> over generated models.</summary>
public partial class MeshAnalyzerPropertyTests
{
    private const int Iterations = 300;

    [GeneratedRegex(@"\.([A-Za-z]+)|\[(\d+)\]")]
    private static partial Regex Segment();

    /// <summary>The node a diagnostic path names in the model's JSON form, or null when it names nothing.</summary>
    private static JsonNode? Resolve(JsonNode root, string path)
    {
        Assert.StartsWith("$.spec.", path, StringComparison.Ordinal);
        JsonNode? node = root;
        foreach (Match m in Segment().Matches(path[1..]))
        {
            node = m.Groups[1].Success ? node?[m.Groups[1].Value] : node is JsonArray a && int.Parse(m.Groups[2].Value) < a.Count ? a[int.Parse(m.Groups[2].Value)] : null;
        }
        return node;
    }

    [Fact]
    public void Analysis_NeverThrows_AndEveryFindingNamesAnElementOfTheModel()
    {
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        MeshGenerators.Config.Sample(model =>
        {
            var findings = MeshAnalyzer.Analyze(model).Where(d => d.Code.Value.StartsWith("MESH30", StringComparison.Ordinal)).ToList();
            if (findings.Count == 0) return;
            var json = JsonNode.Parse(MeshJson.Write(model))!;
            foreach (var d in findings)
            {
                seen.AddOrUpdate(d.Code.Value, 1, (_, n) => n + 1);
                Assert.True(Resolve(json, d.Path) is not null, $"{d.Path} names nothing in the model: {d}");
                // Both sides: every message but a rule-less policy's, and an end-user rule's with no request authentication at all, names another element by its path.
                if (d.Code != Mesh.Diagnostics.DiagnosticCodes.AllowsNothing && !(d.Code == Mesh.Diagnostics.DiagnosticCodes.UnverifiedRequestPrincipal && d.Message.Contains("no request authentication", StringComparison.Ordinal)))
                {
                    Assert.Contains("$.spec.", d.Message, StringComparison.Ordinal);
                }
            }
        }, iter: Iterations);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", seen.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}")));
        // Not vacuous: generated models reach several of the checks.
        Assert.True(seen.Count >= 4, string.Join(", ", seen.Keys));
    }

    [Fact]
    public void Analysis_NeverThrows_OnModelsWithHoles() =>
        MeshGenerators.Config.Sample(model =>
        {
            // Null items and dangling references are the validator's errors; the checks must step over them.
            var holed = model with
            {
                Routes = [.. model.Routes.Select(r => r with { Rules = [.. r.Rules, null!], Host = new ServiceRef("missing", r.Host.Namespace) }), null!],
                AccessPolicies = [.. model.AccessPolicies.Select(p => p with { Rules = [null!, .. p.Rules] })],
                Services = [null!, .. model.Services],
            };
            Assert.Contains(MeshAnalyzer.Analyze(holed), d => d.IsError);
        }, iter: Iterations / 3);

    [Fact]
    public void ABackendListedTwiceInASplit_IsAlwaysReported() =>
        MeshGenerators.Config
            .Where(m => m.Routes.Any(r => r.Rules.Any(x => x.Backends.Any(b => b.Weight > 0 && m.FindService(b.Service)?.WorkloadLabels(b.Subset) is not null))))
            .Sample(model =>
            {
                var r = model.Routes.ToList().FindIndex(r => r.Rules.Any(x => x.Backends.Any(b => b.Weight > 0 && model.FindService(b.Service)?.WorkloadLabels(b.Subset) is not null)));
                var route = model.Routes[r];
                var k = route.Rules.ToList().FindIndex(x => x.Backends.Any(b => b.Weight > 0 && model.FindService(b.Service)?.WorkloadLabels(b.Subset) is not null));
                var rule = route.Rules[k];
                var twice = rule.Backends.First(b => b.Weight > 0 && model.FindService(b.Service)?.WorkloadLabels(b.Subset) is not null);
                var changed = model with { Routes = BackendList.SetAt(model.Routes, r, route with { Rules = BackendList.SetAt(route.Rules, k, rule with { Backends = [.. rule.Backends, twice] }) }) };
                var path = $"$.spec.routes[{r}].rules[{k}].backends[{rule.Backends.Count}]";
                Assert.Contains(MeshAnalyzer.Analyze(changed), d => d.Code == Mesh.Diagnostics.DiagnosticCodes.OverlappingSplit && d.Path == path);
            }, iter: Iterations);
}

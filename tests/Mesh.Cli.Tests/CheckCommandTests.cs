using System.Text.Json;

namespace Mesh.Cli.Tests;

/// <summary><c>mesh check</c>: exit codes, text, JSON and SARIF 2.1.0, rules files, provider manifests and the corpus.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mesh-check-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Rules that the sample model passes: the rules it breaks switched off.</summary>
    private string Lenient() => Write("lenient.yaml", """
        kind: MeshRules
        metadata: { name: lenient }
        spec:
          rules:
            - { id: route-timeout, enabled: false }
            - { id: outlier-detection, severity: warning }
        """);

    private static readonly string[] SarifLevels = ["error", "warning", "note", "none"];

    [Fact]
    public void TheSample_BreaksBuiltInRules_Exit1_WithPathsAndLines()
    {
        var run = CliRunner.Invoke("check", CliRunner.Sample("bookinfo.mesh.yaml"));
        Assert.True(run.ExitCode == 1, run.Stderr + run.Stdout);
        var line = Assert.Single(run.Stdout.Split('\n'), l => l.StartsWith("error route-timeout $.spec.routes[1].rules[0]:", StringComparison.Ordinal));
        Assert.Contains("bookinfo.mesh.yaml:", line, StringComparison.Ordinal);
        Assert.Contains("error(s)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyWarnings_Exit0()
    {
        var run = CliRunner.Invoke("check", CliRunner.Sample("bookinfo.mesh.yaml"), "--rules", Lenient());
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        Assert.Contains("warning outlier-detection ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("0 error(s), 2 warning(s)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSampleRules_Run()
    {
        var run = CliRunner.Invoke("check", CliRunner.Sample("bookinfo.mesh.yaml"), "--rules", CliRunner.Sample("rules.yaml"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("warning team-label $.spec.services[0]", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("error no-fault-injection $.spec.routes[0].rules[0]", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public void Usage_Exit2()
    {
        Assert.Equal(2, CliRunner.Invoke("check", Path.Combine(_dir, "missing.yaml")).ExitCode);
        Assert.Equal(2, CliRunner.Invoke("check", CliRunner.Sample("bookinfo.mesh.yaml"), "--rules", Path.Combine(_dir, "missing.yaml")).ExitCode);
        Assert.Equal(2, CliRunner.Invoke("check", CliRunner.Sample("bookinfo.mesh.yaml"), "--format", "xml").ExitCode);
        Assert.Equal(2, CliRunner.Invoke("check", CliRunner.Sample("bookinfo.mesh.yaml"), "--from", "nomesh").ExitCode);
    }

    [Fact]
    public void ABadRulesFile_Exit1_WithItsDiagnosticsOnStderr()
    {
        var rules = Write("bad.yaml", "kind: MeshRules\nmetadata: { name: bad }\nspec:\n  rules: [{ id: a, severity: fatal, expression: 'true' }]\n");
        var run = CliRunner.Invoke("check", CliRunner.Sample("bookinfo.mesh.yaml"), "--rules", rules);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error MESH1004 $.spec.rules[0].severity", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("bad.yaml:4:", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void AnExpressionThatDoesNotCompile_IsReportedAtItsLine_Exit1()
    {
        var rules = Write("expr.yaml", "kind: MeshRules\nmetadata: { name: e }\nspec:\n  builtIn: false\n  rules:\n    - id: broken\n      on: services\n      expression: \"object.name ==\"\n");
        var run = CliRunner.Invoke("check", CliRunner.Sample("bookinfo.mesh.yaml"), "--rules", rules);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error MESH5005 $.spec.rules[0].expression: The expression of rule 'broken' does not compile: column ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("expr.yaml:8:", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_HasViolationsAndDiagnostics()
    {
        var run = CliRunner.Invoke("check", CliRunner.Sample("bookinfo.mesh.yaml"), "--format", "json");
        Assert.Equal(1, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var violations = doc.RootElement.GetProperty("violations");
        Assert.True(violations.GetArrayLength() > 0);
        var first = violations[0];
        foreach (var key in new[] { "rule", "severity", "path", "message", "subject", "file", "line", "column" }) Assert.True(first.TryGetProperty(key, out _), key);
        Assert.Equal(0, doc.RootElement.GetProperty("diagnostics").GetArrayLength());
    }

    [Fact]
    public void Sarif_HasWhatSarif210Requires()
    {
        var rules = Write("mixed.yaml", "kind: MeshRules\nmetadata: { name: m }\nspec:\n  rules:\n    - { id: outlier-detection, severity: warning }\n    - { id: fails, on: services, expression: \"object.nothing.deeper\" }\n");
        var run = CliRunner.Invoke("check", CliRunner.Sample("bookinfo.mesh.yaml"), "--rules", rules, "--format", "sarif");
        Assert.Equal(1, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        AssertSarif(doc.RootElement, expectFileLocations: true);
        var run0 = doc.RootElement.GetProperty("runs")[0];
        var results = run0.GetProperty("results").EnumerateArray().ToList();
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "outlier-detection" && r.GetProperty("level").GetString() == "warning");
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "route-timeout" && r.GetProperty("level").GetString() == "error");
        var invocation = run0.GetProperty("invocations")[0];
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        Assert.Contains(invocation.GetProperty("toolExecutionNotifications").EnumerateArray(), n => n.GetProperty("descriptor").GetProperty("id").GetString() == "MESH5006");
    }

    [Fact]
    public void Exemptions_AreSuppressedResultsInSarif_CountedInText_ListedInJson()
    {
        var rules = Write("exempt.yaml", "kind: MeshRules\nmetadata: { name: x }\nspec:\n  rules:\n    - { id: route-timeout, exemptions: [{ namespace: bookinfo, reason: \"timeouts come with the v2 rollout\" }] }\n");
        var sarif = CliRunner.Invoke("check", CliRunner.Sample("bookinfo.mesh.yaml"), "--rules", rules, "--format", "sarif");
        using var doc = JsonDocument.Parse(sarif.Stdout);
        AssertSarif(doc.RootElement, expectFileLocations: true);
        var results = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var timeouts = results.Where(r => r.GetProperty("ruleId").GetString() == "route-timeout").ToList();
        Assert.NotEmpty(timeouts);
        Assert.All(timeouts, r =>
        {
            var suppression = Assert.Single(r.GetProperty("suppressions").EnumerateArray().ToList());
            Assert.Equal(("external", "accepted", "timeouts come with the v2 rollout"), (suppression.GetProperty("kind").GetString(), suppression.GetProperty("status").GetString(), suppression.GetProperty("justification").GetString()));
        });
        Assert.All(results.Where(r => r.GetProperty("ruleId").GetString() != "route-timeout"), r => Assert.False(r.TryGetProperty("suppressions", out _)));

        var text = CliRunner.Invoke("check", CliRunner.Sample("bookinfo.mesh.yaml"), "--rules", rules);
        Assert.DoesNotContain("route-timeout", text.Stdout, StringComparison.Ordinal);
        Assert.Contains($", {timeouts.Count} exempted.", text.Stdout, StringComparison.Ordinal);

        var json = CliRunner.Invoke("check", CliRunner.Sample("bookinfo.mesh.yaml"), "--rules", rules, "--format", "json");
        using var jdoc = JsonDocument.Parse(json.Stdout);
        var exempted = jdoc.RootElement.GetProperty("exempted").EnumerateArray().ToList();
        Assert.Equal(timeouts.Count, exempted.Count);
        Assert.All(exempted, e => Assert.Equal("timeouts come with the v2 rollout", e.GetProperty("reason").GetString()));
    }

    /// <summary>The required properties of SARIF 2.1.0 and what code-scanning UIs read.</summary>
    internal static void AssertSarif(JsonElement log, bool expectFileLocations)
    {
        Assert.Equal("2.1.0", log.GetProperty("version").GetString());
        Assert.EndsWith("sarif-2.1.0.json", log.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        var runs = log.GetProperty("runs");
        Assert.Equal(1, runs.GetArrayLength());
        var run = runs[0];
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("mesh", driver.GetProperty("name").GetString());
        var ruleIds = driver.GetProperty("rules").EnumerateArray().Select(r =>
        {
            Assert.False(string.IsNullOrEmpty(r.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.Contains(r.GetProperty("defaultConfiguration").GetProperty("level").GetString(), SarifLevels);
            return r.GetProperty("id").GetString()!;
        }).ToList();
        Assert.Equal(ruleIds.Count, ruleIds.Distinct(StringComparer.Ordinal).Count());
        var anyFile = false;
        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            var id = result.GetProperty("ruleId").GetString()!;
            Assert.Contains(id, ruleIds);
            Assert.Equal(ruleIds.IndexOf(id), result.GetProperty("ruleIndex").GetInt32());
            Assert.Contains(result.GetProperty("level").GetString(), SarifLevels);
            Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
            var locations = result.GetProperty("locations");
            Assert.True(locations.GetArrayLength() > 0);
            var location = locations[0];
            Assert.StartsWith("$", location.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString(), StringComparison.Ordinal);
            if (location.TryGetProperty("physicalLocation", out var physical))
            {
                anyFile = true;
                Assert.False(string.IsNullOrEmpty(physical.GetProperty("artifactLocation").GetProperty("uri").GetString()));
                Assert.True(physical.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
            }
        }
        if (expectFileLocations) Assert.True(anyFile, "no result has a file location");
    }

    [Fact]
    public void ProviderManifests_AreImported_AndViolationsNameTheSourceObject()
    {
        var manifests = Write("vs.yaml", """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: { name: reviews, namespace: shop }
            spec:
              hosts: [reviews]
              http:
                - route: [{ destination: { host: reviews } }]
            ---
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata: { name: default, namespace: shop }
            spec: { mtls: { mode: PERMISSIVE } }
            """);
        var run = CliRunner.Invoke("check", manifests, "--from", "istio");
        Assert.Equal(1, run.ExitCode);
        var timeout = Assert.Single(run.Stdout.Split('\n'), l => l.StartsWith("error route-timeout ", StringComparison.Ordinal));
        Assert.Contains("[VirtualService shop/reviews in vs.yaml#0]", timeout, StringComparison.Ordinal);
        Assert.Contains("(vs.yaml:1:1)", timeout, StringComparison.Ordinal);
        var mtls = Assert.Single(run.Stdout.Split('\n'), l => l.StartsWith("error mtls-strict ", StringComparison.Ordinal));
        Assert.Contains("[PeerAuthentication shop/default in vs.yaml#1]", mtls, StringComparison.Ordinal);
        Assert.Contains("(vs.yaml:9:1)", mtls, StringComparison.Ordinal);

        var sarif = CliRunner.Invoke("check", manifests, "--from", "istio", "--format", "sarif");
        using var doc = JsonDocument.Parse(sarif.Stdout);
        AssertSarif(doc.RootElement, expectFileLocations: true);
    }

    [Fact]
    public void EveryCorpusFile_OfEveryProvider_IsCheckedWithoutACrash_InSarif()
    {
        var examples = Path.GetFullPath(Path.Combine(Mesh.Testing.TestPaths.RepoRoot, "..", "shared", "conformance", "examples"));
        if (!Directory.Exists(examples)) Assert.Skip("../shared/conformance (upstream example manifests) is not present next to the repository.");
        var files = 0;
        var located = 0;
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var folder in Directory.GetDirectories(examples).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
            {
                files++;
                var run = CliRunner.Invoke("check", file, "--from", Path.GetFileName(folder), "--format", "sarif");
                Assert.True(run.ExitCode is 0 or 1, $"{file}: exit {run.ExitCode}\n{run.Stderr}");
                Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
                if (run.Stdout.Length == 0) continue; // the import failed (reported on stderr)
                using var doc = JsonDocument.Parse(run.Stdout);
                AssertSarif(doc.RootElement, expectFileLocations: false);
                foreach (var result in doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray())
                {
                    var key = $"{Path.GetFileName(folder)} {result.GetProperty("ruleId").GetString()}";
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                    if (result.GetProperty("locations")[0].TryGetProperty("physicalLocation", out _)) located++;
                }
            }
        }
        var total = counts.Values.Sum();
        TestContext.Current.TestOutputHelper?.WriteLine($"{files} files; {total} violations, {located} with a source object; {string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value}"))}");
        Assert.True(files > 50, $"only {files} corpus files");
        Assert.True(located > 0);
    }
}

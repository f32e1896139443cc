using System.Text.Json;

namespace Mesh.Cli.Tests;

/// <summary>
/// <c>mesh diff</c>: exit 0 when two configurations behave alike, 3 on drift, 1 on bad input, 2 on usage; changes as text or
/// JSON on stdout; a model against its own Istio translation is no drift.
/// </summary>
public sealed class DiffCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mesh-diff-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Bookinfo => CliRunner.Sample("bookinfo.mesh.yaml");

    /// <summary>A copy of the sample (or of <paramref name="source"/>) with each edit applied; every edit must apply.</summary>
    private string Edited(string name, params (string From, string To)[] edits) => EditedFrom(Bookinfo, name, edits);

    private string EditedFrom(string source, string name, params (string From, string To)[] edits)
    {
        var text = File.ReadAllText(source);
        foreach (var (from, to) in edits)
        {
            Assert.Contains(from, text, StringComparison.Ordinal);
            text = text.Replace(from, to, StringComparison.Ordinal);
        }
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The sample translated to Istio by the command itself.</summary>
    private string Istio(params string[] options)
    {
        var path = Path.Combine(_dir, $"bookinfo.istio{options.Length}.yaml");
        var run = CliRunner.Invoke(["translate", Bookinfo, "--to", "istio", "-o", path, .. options]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return path;
    }

    [Fact]
    public void TheSampleAgainstItself_IsNoDrift_ExitZero()
    {
        var run = CliRunner.Invoke("diff", Bookinfo, Bookinfo);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.StartsWith("no drift", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public void DifferencesThatChangeNoBehaviour_AreNoDrift()
    {
        var live = Edited("respelled.mesh.yaml",
            ("timeout: 2s", "timeout: 2000ms"),
            ("perTryTimeout: 500ms", "perTryTimeout: 0.5s"),
            ("on: [5xx, connect-failure, reset]", "on: [reset, 5xx, connect-failure]"),
            ("subsets: { v1: { version: v1 }, v2: { version: v2 }, v3: { version: v3 } }", "subsets: { v3: { version: v3 }, v2: { version: v2 }, v1: { version: v1 } }"),
            ("    - name: ratings\n      namespace: bookinfo\n      ports: [{ name: http, port: 9080, protocol: http }]",
             "    - name: ratings\n      namespace: bookinfo\n      selector: { app: ratings }\n      ports: [{ name: http, port: 9080, protocol: http, targetPort: 9080 }]"),
            ("- { service: reviews.bookinfo, subset: v1, weight: 90 }\n            - { service: reviews.bookinfo, subset: v3, weight: 10 }",
             "- { service: reviews.bookinfo, subset: v3, weight: 1 }\n            - { service: reviews.bookinfo, subset: v1, weight: 9 }"),
            ("metadata: { name: bookinfo }", "metadata: { name: bookinfo-live }"));

        var run = CliRunner.Invoke("diff", Bookinfo, live);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
    }

    [Fact]
    public void AWeightAndAModeChanged_IsDrift_ExitThree_OneLinePerChange_GroupedPerObject()
    {
        var live = Edited("live.mesh.yaml", ("weight: 90 }", "weight: 80 }"), ("weight: 10 }", "weight: 20 }"), ("mode: strict", "mode: permissive"));

        var run = CliRunner.Invoke("diff", Bookinfo, live);

        Assert.Equal(3, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("route reviews.bookinfo rule [*]", lines[0]);
        Assert.StartsWith("  ~ $.spec.routes[0].rules[2].backends: bookinfo{app=reviews,version=v1}:9080 90%, bookinfo{app=reviews,version=v3}:9080 10% → bookinfo{app=reviews,version=v1}:9080 80%, bookinfo{app=reviews,version=v3}:9080 20% (", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("bookinfo.mesh.yaml:39:13)", lines[1], StringComparison.Ordinal);
        Assert.Equal("mtls policy namespace bookinfo", lines[2]);
        Assert.StartsWith("  ~ $.spec.mtls[0].mode: strict → permissive", lines[3], StringComparison.Ordinal);
        Assert.Equal("drift: 2 change(s) in 2 object(s)", lines[4]);
    }

    [Fact]
    public void Graph_DrawsTheDesiredConfiguration_WithTheChangedRuleHighlighted()
    {
        var live = Edited("live.mesh.yaml", ("weight: 90 }", "weight: 80 }"), ("weight: 10 }", "weight: 20 }"));
        var picture = Path.Combine(_dir, "drift.mmd");
        Assert.Equal(3, CliRunner.Invoke("diff", Bookinfo, live, "--graph", picture).ExitCode);
        var lines = File.ReadAllLines(picture);
        Assert.Equal("flowchart LR", lines[0]);
        // The canary rule's two edges (90% and 10%), and nothing else.
        Assert.Equal(2, lines.Count(l => l.TrimStart().StartsWith("linkStyle ", StringComparison.Ordinal)));

        var dot = Path.Combine(_dir, "drift.dot");
        Assert.Equal(3, CliRunner.Invoke("diff", Bookinfo, live, "--graph", dot).ExitCode);
        Assert.StartsWith("digraph mesh {", File.ReadAllText(dot), StringComparison.Ordinal);
    }

    [Fact]
    public void AddedAndRemovedObjects_AreMarkedPlusAndMinus()
    {
        var live = Edited("live.mesh.yaml",
            ("  mtls: [{ scope: { namespace: bookinfo }, mode: strict }]\n", "  mtls: [{ scope: { mesh: true }, mode: strict }]\n"));

        var run = CliRunner.Invoke("diff", Bookinfo, live);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("mtls policy namespace bookinfo\n  - $.spec.mtls[0]: { scope: { namespace: bookinfo }, mode: strict }", run.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("mtls policy mesh\n  + $.spec.mtls[0]: { scope: { mesh: true }, mode: strict }", run.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void JsonFormat_IsAnArrayOfChanges_ThatParses()
    {
        var live = Edited("live.mesh.yaml", ("timeout: 3s", "timeout: 5s"));

        var run = CliRunner.Invoke("diff", Bookinfo, live, "--format", "json");

        Assert.Equal(3, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var change = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal("changed", change.GetProperty("kind").GetString());
        Assert.Equal("routeRule", change.GetProperty("object").GetString());
        Assert.Equal("reviews.bookinfo rule [*]", change.GetProperty("name").GetString());
        Assert.Equal("$.spec.routes[0].rules[2].timeout", change.GetProperty("path").GetString());
        Assert.Equal("$.spec.routes[0].rules[2].timeout", change.GetProperty("livePath").GetString());
        Assert.Equal("3s", change.GetProperty("old").GetString());
        Assert.Equal("5s", change.GetProperty("new").GetString());
        Assert.Equal(41, change.GetProperty("line").GetInt32());
    }

    [Fact]
    public void JsonFormat_WithoutChanges_IsAnEmptyArray()
    {
        var run = CliRunner.Invoke("diff", Bookinfo, Bookinfo, "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal(0, doc.RootElement.GetArrayLength());
    }

    [Fact]
    public void TheModel_AgainstItsIstioTranslation_IsNoDrift_ServicesTakenFromTheModel()
    {
        // Istio's resources do not carry the Services' selectors and ports (the translation writes no Service by default):
        // they are taken from the model, and the command says so.
        var run = CliRunner.Invoke("diff", Bookinfo, Istio(), "--provider", "istio");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.StartsWith("no drift", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("info MESH2206 $.spec.services: The live manifests hold no Kubernetes Service for mongodb.bookinfo, productpage.bookinfo, ratings.bookinfo, reviews.bookinfo", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void TheModel_AgainstItsIstioTranslation_WithTheServices_IsNoDrift_AndComparesThem()
    {
        var run = CliRunner.Invoke("diff", Bookinfo, Istio("--services", "all"), "--from", "istio");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.DoesNotContain("hold no Kubernetes Service", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void IstioManifests_WithShortAndFullyQualifiedHosts_AreNoDrift()
    {
        var full = Istio();
        Assert.Contains("reviews.bookinfo.svc.cluster.local", File.ReadAllText(full), StringComparison.Ordinal);
        var shortHosts = EditedFrom(full, "short.istio.yaml", (".bookinfo.svc.cluster.local", ""));

        var run = CliRunner.Invoke("diff", full, shortHosts, "--from", "istio");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
    }

    [Fact]
    public void IstioManifests_WithAWeightChanged_AreDrift_AtThePathOfTheModelRule()
    {
        var full = Istio();
        var live = EditedFrom(full, "live.istio.yaml", ("weight: 90", "weight: 50"), ("weight: 10", "weight: 50"));

        var run = CliRunner.Invoke("diff", Bookinfo, live, "--from", "istio");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("  ~ $.spec.routes[0].rules[2].backends: bookinfo{app=reviews,version=v1}:9080 90%, bookinfo{app=reviews,version=v3}:9080 10% → bookinfo{app=reviews,version=v1}:9080 50%, bookinfo{app=reviews,version=v3}:9080 50%", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ManifestFieldsTheModelCannotCarry_AreReported_AndRefusedWithStrict()
    {
        // exportTo is outside the model: it could not be compared.
        var live = EditedFrom(Istio(), "export.istio.yaml", ("spec:\n  host: mongodb.bookinfo.svc.cluster.local\n", "spec:\n  host: mongodb.bookinfo.svc.cluster.local\n  exportTo: ['.']\n"));

        var lenient = CliRunner.Invoke("diff", Bookinfo, live, "--from", "istio");
        var strict = CliRunner.Invoke("diff", Bookinfo, live, "--from", "istio", "--strict");

        Assert.True(lenient.ExitCode == 0, lenient.Stdout + lenient.Stderr);
        Assert.Contains("exportTo", lenient.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("error MESH2", strict.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, strict.Stdout);
    }

    [Fact]
    public void TheLiveSide_CanBeStdin()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = MeshCli.Run(["diff", Bookinfo, "-"], stdout, stderr, stdin: new StringReader(File.ReadAllText(Bookinfo)));
        Assert.True(code == 0, stdout + stderr.ToString());
    }

    [Fact]
    public void AnInvalidSide_ExitsOne_WithItsDiagnostics()
    {
        var broken = Edited("broken.mesh.yaml", ("{ service: reviews.bookinfo, subset: v2, weight: 100 }", "{ service: reviews.bookinfo, subset: v2, weight: -5 }"));
        var run = CliRunner.Invoke("diff", Bookinfo, broken);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error MESH2005 $.spec.routes[0].rules[0].backends[0].weight", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void ManifestsWithoutAProvider_AreReadAsAModel_AndRefused_ExitOne()
    {
        var run = CliRunner.Invoke("diff", Bookinfo, Istio());
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error MESH1", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedYaml_ExitsOne_WithLineAndColumn()
    {
        var path = Path.Combine(_dir, "bad.yaml");
        File.WriteAllText(path, "kind: Mesh\nmetadata: { name: x\nspec: {}\n");
        var run = CliRunner.Invoke("diff", Bookinfo, path, "--from", "istio");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error MESH1001", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFile_OrAnUnknownProvider_IsAUsageError()
    {
        Assert.Equal(2, CliRunner.Invoke("diff", Bookinfo, Path.Combine(_dir, "nope.yaml")).ExitCode);
        var unknown = CliRunner.Invoke("diff", Bookinfo, Bookinfo, "--from", "istoi");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("did you mean 'istio'?", unknown.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Invoke("diff", Bookinfo).ExitCode);
    }
}

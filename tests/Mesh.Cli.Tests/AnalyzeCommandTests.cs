using System.Text.Json;

namespace Mesh.Cli.Tests;

/// <summary><c>mesh analyze</c>: findings on stdout with paths and locations, <c>--fail-on</c>, provider manifests, the corpus.</summary>
public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mesh-analyze-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The sample with its reviews route's catch-all split made to overlap (v1 and the whole service).</summary>
    private string Overlapping()
    {
        var text = File.ReadAllText(CliRunner.Sample("bookinfo.mesh.yaml"))
            .Replace("- { service: reviews.bookinfo, subset: v3, weight: 10 }", "- { service: reviews.bookinfo, weight: 10 }", StringComparison.Ordinal);
        var path = Path.Combine(_dir, "overlap.mesh.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void TheSample_HasNoFinding()
    {
        var run = CliRunner.Invoke("analyze", CliRunner.Sample("bookinfo.mesh.yaml"));
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        Assert.Equal("0 error(s), 0 warning(s), 0 note(s).", run.Stdout.Trim());
    }

    [Fact]
    public void AFinding_IsPrintedWithItsPathAndLocation_AndFailsOnlyWithFailOnWarning()
    {
        var run = CliRunner.Invoke("analyze", Overlapping());
        Assert.True(run.ExitCode == 0, run.Stderr);
        var line = Assert.Single(run.Stdout.Split('\n'), l => l.StartsWith("warning MESH3003 ", StringComparison.Ordinal));
        Assert.Contains("$.spec.routes[0].rules[2].backends[1]", line, StringComparison.Ordinal);
        Assert.Contains("overlap.mesh.yaml:", line, StringComparison.Ordinal);
        Assert.Contains("0 error(s), 1 warning(s)", run.Stdout, StringComparison.Ordinal);

        Assert.Equal(1, CliRunner.Invoke("analyze", Overlapping(), "--fail-on", "warning").ExitCode);
    }

    [Fact]
    public void Json_IsOneArray_WithLines()
    {
        var run = CliRunner.Invoke("analyze", Overlapping(), "--format", "json");
        using var doc = JsonDocument.Parse(run.Stdout);
        var finding = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal("MESH3003", finding.GetProperty("code").GetString());
        Assert.True(finding.GetProperty("line").GetInt32() > 1);
    }

    [Fact]
    public void ProviderManifests_AreImportedFirst()
    {
        var manifests = Path.Combine(_dir, "istio.yaml");
        Assert.Equal(0, CliRunner.Invoke("translate", Overlapping(), "--to", "istio", "-o", manifests).ExitCode);
        var run = CliRunner.Invoke("analyze", manifests, "--from", "istio", "--fail-on", "warning");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("warning MESH3003 ", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("analyze", "a.mesh.yaml", "b.mesh.yaml")]
    [InlineData("analyze", "x.yaml", "--fail-on", "sometimes")]
    [InlineData("analyze", "x.yaml", "--from", "no-such-mesh")]
    public void BadArguments_AreUsageErrors(params string[] args)
    {
        var run = CliRunner.Invoke(args);
        Assert.Equal(2, run.ExitCode);
        Assert.NotEqual(string.Empty, run.Stderr);
    }

    [Fact]
    public void EveryCorpusFile_OfEveryProvider_IsAnalysedWithoutACrash()
    {
        var examples = Path.GetFullPath(Path.Combine(Mesh.Testing.TestPaths.RepoRoot, "..", "shared", "conformance", "examples"));
        if (!Directory.Exists(examples)) Assert.Skip("../shared/conformance (upstream example manifests) is not present next to the repository.");
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var files = 0;
        foreach (var folder in Directory.GetDirectories(examples).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
            {
                files++;
                var run = CliRunner.Invoke("analyze", file, "--from", Path.GetFileName(folder), "--format", "json");
                Assert.True(run.ExitCode is 0 or 1, $"{file}: exit {run.ExitCode}\n{run.Stderr}");
                Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
                if (run.Stdout.Length == 0) continue;
                using var doc = JsonDocument.Parse(run.Stdout);
                foreach (var d in doc.RootElement.EnumerateArray())
                {
                    var code = d.GetProperty("code").GetString()!;
                    if (code.StartsWith("MESH30", StringComparison.Ordinal)) counts[$"{Path.GetFileName(folder)} {code}"] = counts.GetValueOrDefault($"{Path.GetFileName(folder)} {code}") + 1;
                }
            }
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"{files} files; findings: {string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value}"))}");
        Assert.True(files > 50, $"only {files} corpus files");
    }
}

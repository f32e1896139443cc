namespace Mesh.Cli.Tests;

/// <summary><c>mesh graph</c>: Mermaid by default, DOT, SVG through Graphviz, a mesh's manifests, one namespace, a file.</summary>
public sealed class GraphCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mesh-graph-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void TheSample_IsAMermaidFlowchart_OnStdout()
    {
        var run = CliRunner.Invoke("graph", CliRunner.Sample("bookinfo.mesh.yaml"));
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.StartsWith("flowchart LR\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("90%", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public void Dot_IntoADirectory_IsNamedAfterTheModel()
    {
        var run = CliRunner.Invoke("graph", CliRunner.Sample("bookinfo.mesh.yaml"), "--format", "dot", "-o", _dir);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.StartsWith("digraph mesh {", File.ReadAllText(Path.Combine(_dir, "bookinfo.dot")), StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_IsRenderedByGraphviz_OrRefusedWithTheReason()
    {
        var run = CliRunner.Invoke("graph", CliRunner.Sample("bookinfo.mesh.yaml"), "--format", "svg");
        if (run.ExitCode != 0)
        {
            // Only a missing Graphviz may stop it, and then it says what to install.
            Assert.Contains("apt-get install graphviz", run.Stderr, StringComparison.Ordinal);
            Assert.Skip("Graphviz's dot is not on PATH (.ci/run installs the Debian package graphviz).");
        }
        Assert.Contains("<svg", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("reviews.bookinfo", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ProviderManifests_AndOneNamespace()
    {
        var manifests = Path.Combine(_dir, "istio.yaml");
        Assert.Equal(0, CliRunner.Invoke("translate", CliRunner.Sample("bookinfo.mesh.yaml"), "--to", "istio", "-o", manifests).ExitCode);
        var run = CliRunner.Invoke("graph", manifests, "--from", "istio", "--namespace", "bookinfo");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("reviews.bookinfo", run.Stdout, StringComparison.Ordinal);
        var other = CliRunner.Invoke("graph", manifests, "--from", "istio", "--namespace", "elsewhere");
        Assert.DoesNotContain("reviews.bookinfo", other.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("graph", "x.yaml", "--format", "png")]
    [InlineData("graph", "a.mesh.yaml", "b.mesh.yaml")]
    public void BadArguments_AreUsageErrors(params string[] args) => Assert.Equal(2, CliRunner.Invoke(args).ExitCode);
}

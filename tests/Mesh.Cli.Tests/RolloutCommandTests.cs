using System.Text.Json;
using Mesh.Model;
using Mesh.Serialization;

namespace Mesh.Cli.Tests;

/// <summary><c>mesh rollout</c> on <c>samples/canary.mesh.yaml</c>: the stepped model, the provider's manifests, and every kind of bad input.</summary>
public sealed class RolloutCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mesh-rollout-").FullName;

    private static readonly string Canary = CliRunner.Sample("canary.mesh.yaml");

    private static readonly ServiceRef Reviews = new("reviews", "bookinfo");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string[] Args(params string[] step) =>
        ["rollout", Canary, "--service", "reviews.bookinfo", "--stable", "stable", "--canary", "canary", .. step];

    private static MeshConfig Read(string yaml)
    {
        var read = MeshYaml.Read(yaml, "stdout");
        Assert.NotNull(read.Config);
        return read.Config;
    }

    private static WeightedBackend To(string subset, int weight) => new() { Service = Reviews, Subset = subset, Weight = weight };

    [Fact]
    public void Weight_WritesTheSteppedModel_WithOnlyTheCatchAllRuleChanged()
    {
        var run = CliRunner.Invoke(Args("--weight", "25"));
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(string.Empty, run.Stderr);
        var baseline = Read(File.ReadAllText(Canary));
        var stepped = Read(run.Stdout);
        Assert.Equal(baseline.Routes[0].Rules[0], stepped.Routes[0].Rules[0]);
        Assert.Equal([To("stable", 75), To("canary", 25)], stepped.Routes[0].Rules[1].Backends);
        Assert.Equal(baseline with { Routes = [] }, stepped with { Routes = [] });
    }

    [Fact]
    public void Header_InsertsTheABRule_BeforeTheCatchAll()
    {
        var run = CliRunner.Invoke(Args("--header", "x-canary=always"));
        Assert.True(run.ExitCode == 0, run.Stderr);
        var rules = Read(run.Stdout).Routes[0].Rules;
        Assert.Equal(3, rules.Count);
        Assert.Equal([new HttpMatch { Headers = [ValueMatch.Exact("x-canary", "always")] }], rules[1].Matches);
        Assert.Equal([To("canary", 100)], rules[1].Backends);
        Assert.Equal([To("stable", 100), To("canary", 0)], rules[2].Backends);
    }

    [Fact]
    public void Header_ValueMayHoldAnEqualsSign()
    {
        var run = CliRunner.Invoke(Args("--header", "x-canary=a=b"));
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("a=b", Read(run.Stdout).Routes[0].Rules[1].Matches[0].Headers[0].Value);
    }

    [Fact]
    public void Mirror_ToIstio_WritesTheMirrorOfTheCanary()
    {
        var run = CliRunner.Invoke(Args("--mirror", "12.5", "--to", "istio"));
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("kind: VirtualService", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("""
                mirror:
                  host: reviews.bookinfo.svc.cluster.local
                  subset: canary
                mirrorPercentage:
                  value: 12.5
            """.ReplaceLineEndings("\n"), run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Weight_ToLinkerd_WritesTheLeafServices_AndTheSplitBetweenThem()
    {
        var run = CliRunner.Invoke(Args("--weight", "5", "--to", "linkerd"));
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("name: reviews-stable", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("""
              - backendRefs:
                - name: reviews-stable
                  port: 9080
                  weight: 95
                - name: reviews-canary
                  port: 9080
                  weight: 5
            """.ReplaceLineEndings("\n"), run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Mirror_ToLinkerdStrict_IsRefused_ForLinkerdRunsNoMirror()
    {
        var run = CliRunner.Invoke(Args("--mirror", "10", "--to", "linkerd", "--strict"));
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("error MESH2101 $.spec.routes[0].rules[1].mirror:", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_IntoADirectory_NamesTheFileAfterTheModel_AndStdinIsRead()
    {
        var run = CliRunner.InvokeWithStdin(File.ReadAllText(Canary), "rollout", "-", "--service", "reviews.bookinfo", "--stable", "stable", "--canary", "canary", "--weight", "50", "-o", _dir);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(string.Empty, run.Stdout);
        var written = Read(File.ReadAllText(Path.Combine(_dir, "reviews-canary.mesh.yaml")));
        Assert.Equal([To("stable", 50), To("canary", 50)], written.Routes[0].Rules[1].Backends);

        var manifests = CliRunner.Invoke([.. Args("--weight", "50", "--to", "istio"), "-o", _dir]);
        Assert.True(manifests.ExitCode == 0, manifests.Stderr);
        Assert.True(File.Exists(Path.Combine(_dir, "reviews-canary.istio.yaml")));
    }

    [Fact]
    public void NoRoute_CreatesOne_AndNotesIt()
    {
        var model = Path.Combine(_dir, "bare.mesh.yaml");
        File.WriteAllText(model, File.ReadAllText(Canary)[..File.ReadAllText(Canary).IndexOf("  routes:", StringComparison.Ordinal)]);
        var run = CliRunner.Invoke("rollout", model, "--service", "reviews.bookinfo", "--stable", "stable", "--canary", "canary", "--weight", "5");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.StartsWith("info MESH6006 $.spec.routes[0]: ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal([To("stable", 95), To("canary", 5)], Assert.Single(Read(run.Stdout).Routes).Rules[0].Backends);
    }

    [Theory]
    [InlineData("MESH6001 $.rollout.service", "reviewz.bookinfo", "stable", "canary", "--weight", "5")]
    [InlineData("MESH6002 $.rollout.canary", "reviews.bookinfo", "stable", "v9", "--weight", "5")]
    [InlineData("MESH6003 $.rollout.step.weight", "reviews.bookinfo", "stable", "canary", "--weight", "101")]
    [InlineData("MESH6003 $.rollout.step.mirror", "reviews.bookinfo", "stable", "canary", "--mirror", "-1")]
    [InlineData("MESH6003 $.rollout.step.header.name", "reviews.bookinfo", "stable", "canary", "--header", "x canary=1")]
    [InlineData("MESH6003 $.rollout.canary", "reviews.bookinfo", "stable", "stable", "--weight", "5")]
    public void ImpossibleSteps_ExitOne_WithTheCodeAndPath_AndWriteNothing(string expected, string service, string stable, string canary, string option, string value)
    {
        var run = CliRunner.Invoke("rollout", Canary, "--service", service, "--stable", stable, "--canary", canary, option, value);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.StartsWith($"error {expected}: ", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void NoRuleToTheStable_IsMesh6004_LocatedInTheModelFile()
    {
        // The catch-all rule routes to the whole service, not to the stable subset: not the rollout's to step.
        var model = Path.Combine(_dir, "whole.mesh.yaml");
        File.WriteAllText(model, File.ReadAllText(Canary).Replace("- backends: [{ service: reviews.bookinfo, subset: stable }]", "- backends: [{ service: reviews.bookinfo }]", StringComparison.Ordinal));
        var run = CliRunner.Invoke("rollout", model, "--service", "reviews.bookinfo", "--stable", "stable", "--canary", "canary", "--weight", "5");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error MESH6004 $.spec.routes[0].rules: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("whole.mesh.yaml:", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonFormat_GivesTheDiagnosticsAsJson()
    {
        var run = CliRunner.Invoke([.. Args("--weight", "101"), "--format", "json"]);
        Assert.Equal(1, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stderr);
        Assert.Equal("MESH6003", doc.RootElement[0].GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("takes one step", "rollout", "m.yaml", "--service", "a.b", "--stable", "s", "--canary", "c")]
    [InlineData("takes one step", "rollout", "m.yaml", "--service", "a.b", "--stable", "s", "--canary", "c", "--weight", "5", "--mirror", "5")]
    [InlineData("--weight takes a whole percentage", "rollout", "m.yaml", "--service", "a.b", "--stable", "s", "--canary", "c", "--weight", "half")]
    [InlineData("--mirror takes a percentage", "rollout", "m.yaml", "--service", "a.b", "--stable", "s", "--canary", "c", "--mirror", "ten")]
    [InlineData("--header takes name=value", "rollout", "m.yaml", "--service", "a.b", "--stable", "s", "--canary", "c", "--header", "x-canary")]
    [InlineData("--service takes a service as name.namespace", "rollout", "m.yaml", "--service", "reviews", "--stable", "s", "--canary", "c", "--weight", "5")]
    [InlineData("--stable", "rollout", "m.yaml", "--service", "a.b", "--canary", "c", "--weight", "5")]
    public void BadArguments_AreUsageErrors_OnOneLine(string expected, params string[] args)
    {
        var run = CliRunner.Invoke(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("error: ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void MissingModel_AndUnknownProvider_AreUsageErrors()
    {
        Assert.Equal(2, CliRunner.Invoke("rollout", Path.Combine(_dir, "none.yaml"), "--service", "a.b", "--stable", "s", "--canary", "c", "--weight", "5").ExitCode);
        var run = CliRunner.Invoke(Args("--weight", "5", "--to", "istoi"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("did you mean 'istio'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_NamesTheStepOptions()
    {
        var run = CliRunner.Invoke("rollout", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--weight <N>", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--header <name=value>", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--mirror <N>", run.Stdout, StringComparison.Ordinal);
    }
}

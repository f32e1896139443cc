using System.Diagnostics;
using CsCheck;
using Mesh.Graph;
using Mesh.Model;
using Mesh.Serialization;
using Mesh.Testing;

namespace Mesh.Abstractions.Tests.Graph;

/// <summary><see cref="MeshGraph"/>: what the pictures show of the sample, their structure for generated models, escaping, and Graphviz accepting them.</summary>
public class MeshGraphTests
{
    private static MeshConfig Sample() => MeshYaml.Read(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "samples", "bookinfo.mesh.yaml"))).Config!;

    private static string Mermaid(MeshConfig c, string? ns = null) => MeshGraph.Render(c, new MeshGraphOptions { Namespace = ns });

    private static string Dot(MeshConfig c, string? ns = null) => MeshGraph.Render(c, new MeshGraphOptions { Format = GraphFormat.Dot, Namespace = ns });

    [Fact]
    public void TheSample_ShowsTheCanary_TheMirror_TheExternalService_AndWhoMayCallRatings()
    {
        var text = Mermaid(Sample());
        Assert.StartsWith("flowchart LR\n", text, StringComparison.Ordinal);
        var (nodes, edges) = GraphText.Mermaid(text);
        var reviewsV1 = Assert.Single(nodes, n => n.StartsWith("sub_bookinfo_reviews_v1_", StringComparison.Ordinal));
        var reviewsV3 = Assert.Single(nodes, n => n.StartsWith("sub_bookinfo_reviews_v3_", StringComparison.Ordinal));
        Assert.Contains(edges, e => e.To == reviewsV1 && e.Arrow == "-->" && e.Label.StartsWith("every request<br/>90%", StringComparison.Ordinal));
        Assert.Contains(edges, e => e.To == reviewsV3 && e.Label.StartsWith("every request<br/>10%", StringComparison.Ordinal));
        Assert.Contains(edges, e => e.To == reviewsV1 && e.Arrow == "-.->" && e.Label.EndsWith("mirror 25%", StringComparison.Ordinal));
        Assert.Contains(edges, e => e.Arrow == "==>" && e.From.StartsWith("caller_sa_bookinfo_bookinfo_reviews", StringComparison.Ordinal) && e.To.StartsWith("svc_bookinfo_ratings_", StringComparison.Ordinal) && e.Label == "allow GET /ratings/* :9080");
        Assert.Contains("httpbin.example.com", text, StringComparison.Ordinal);
        Assert.Contains("mTLS strict", text, StringComparison.Ordinal);
        Assert.Contains("timeout 2s<br/>retries 3 × 500ms", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Dot_HasTheSameNodesAndEdges()
    {
        var (mNodes, mEdges) = GraphText.Mermaid(Mermaid(Sample()));
        var (dNodes, dEdges) = GraphText.Dot(Dot(Sample()));
        Assert.Equal(mNodes.Order(), dNodes.Order());
        Assert.Equal(mEdges.Select(e => (e.From, e.To)), dEdges.Select(e => (e.From, e.To)));
        Assert.Contains(dEdges, e => e.Style.Contains("style=dashed", StringComparison.Ordinal) && e.Label.EndsWith("mirror 25%", StringComparison.Ordinal));
    }

    [Fact]
    public void Highlight_MarksExactlyTheEdgesOfTheChangedRule()
    {
        // The sample's catch-all canary rule, as MeshDiff names a change of its split.
        var options = new MeshGraphOptions { Highlight = ["$.spec.routes[0].rules[2].backends"] };
        var mermaid = MeshGraph.Render(Sample(), options);
        var (_, edges) = GraphText.Mermaid(mermaid);
        var styled = mermaid.Split('\n').Where(l => l.TrimStart().StartsWith("linkStyle ", StringComparison.Ordinal)).Select(l => int.Parse(l.Trim().Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, styled.Count);
        Assert.All(styled, i => Assert.StartsWith("every request<br/>", edges[i].Label, StringComparison.Ordinal));
        var dot = MeshGraph.Render(Sample(), options with { Format = GraphFormat.Dot });
        Assert.Equal(2, GraphText.Dot(dot).Edges.Count(e => e.Style.Contains("penwidth=3", StringComparison.Ordinal)));
        Assert.DoesNotContain("linkStyle", Mermaid(Sample()), StringComparison.Ordinal);
    }

    [Fact]
    public void ANamespace_DrawsOnlyItsOwnServices()
    {
        var model = Sample();
        model = model with { Services = [.. model.Services, new MeshService { Name = "web", Namespace = "shop", Ports = [new ServicePort { Port = 80, Protocol = Protocol.Http }] }] };
        Assert.Contains("web.shop", Mermaid(model), StringComparison.Ordinal);
        Assert.DoesNotContain("web.shop", Mermaid(model, "bookinfo"), StringComparison.Ordinal);
        Assert.DoesNotContain("reviews.bookinfo", Mermaid(model, "shop"), StringComparison.Ordinal);
    }

    [Fact]
    public void LabelsWithSyntaxCharacters_CannotBreakEitherFormat()
    {
        var host = new ServiceRef("web", "shop");
        var model = new MeshConfig
        {
            Name = "x",
            Services = [new MeshService { Name = "web", Namespace = "shop", Ports = [new ServicePort { Port = 80, Protocol = Protocol.Http }] }],
            Routes = [new HttpRoute { Name = "web", Namespace = "shop", Host = host, Rules = [new HttpRouteRule { Matches = [new HttpMatch { Headers = [ValueMatch.Exact("x-q", "a\"b|c<d>#e\\f\nz")] }], Backends = [new WeightedBackend { Service = host }] }] }],
        };
        var (_, edges) = GraphText.Mermaid(Mermaid(model));
        Assert.Contains("a#quot;b#124;c#lt;d#gt;#35;e\\f z", Assert.Single(edges).Label, StringComparison.Ordinal);
        var (_, dotEdges) = GraphText.Dot(Dot(model));
        Assert.Contains("a\\\"b|c<d>#e\\\\f\\nz", Assert.Single(dotEdges).Label, StringComparison.Ordinal);
    }

    [Fact]
    public void GeneratedModels_RenderDeterministically_WithEveryEdgeBetweenDrawnNodes_AndEveryBackendDrawn() =>
        MeshGenerators.Config.Sample(model =>
        {
            var mermaid = Mermaid(model);
            Assert.Equal(mermaid, Mermaid(model with { }));
            var (nodes, edges) = GraphText.Mermaid(mermaid);
            Assert.All(edges, e => Assert.True(nodes.Contains(e.From) && nodes.Contains(e.To), $"{e.From} → {e.To} names an undrawn node"));
            var backends = model.Routes.Sum(r => r.Rules.Sum(x => x.Redirect is null ? x.Backends.Count(b => b.Weight > 0) : 1)) + model.TcpRoutes.Sum(t => t.Backends.Count(b => b.Weight > 0));
            Assert.Equal(backends, edges.Count(e => e.Arrow == "-->"));
            Assert.Equal(model.Routes.Sum(r => r.Rules.Count(x => x.Mirror is not null && x.Redirect is null)), edges.Count(e => e.Arrow == "-.->"));
            var (dotNodes, dotEdges) = GraphText.Dot(Dot(model));
            Assert.Equal(nodes.Order(), dotNodes.Order());
            Assert.Equal(edges.Count, dotEdges.Count);
        }, iter: 300);

    [Fact]
    public void Graphviz_RendersTheSampleAndGeneratedModels()
    {
        if (!DotInstalled()) Assert.Skip("Graphviz's dot is not on PATH (.ci/run installs the Debian package graphviz): the DOT output is not rendered here.");
        Render(Dot(Sample()));
        MeshGenerators.Config.Sample(model => Render(Dot(model)), iter: 25, threads: 1);
    }

    private static bool DotInstalled()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("dot", "-V") { RedirectStandardError = true, UseShellExecute = false })!;
            p.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>
    /// Renders with the attempts <c>mesh graph --format svg</c> makes: Graphviz 2.43's spline router fails on some layouts
    /// (self-loops with labels in clusters), and curved edges route those.
    /// </summary>
    private static void Render(string dot)
    {
        var failures = new List<string>();
        foreach (var arguments in (string[])["-Tsvg", "-Tsvg -Gsplines=curved", "-Tsvg -Gsplines=curved -Gnewrank=true"])
        {
            using var p = Process.Start(new ProcessStartInfo("dot", arguments) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
            var output = p.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var errors = p.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            try
            {
                p.StandardInput.Write(dot);
                p.StandardInput.Close();
            }
            catch (IOException)
            {
                // dot crashed before reading everything; the exit code says so.
            }
            p.WaitForExit();
            if (p.ExitCode == 0)
            {
                Assert.Contains("<svg", output.Result, StringComparison.Ordinal);
                return;
            }
            failures.Add($"{arguments}: {errors.Result}");
        }
        Assert.Fail($"dot: {string.Join("\n", failures)}\n{dot}");
    }
}

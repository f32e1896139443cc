using System.Text.Json.Nodes;
using Mesh.Diagnostics;
using Mesh.Serialization;
using Mesh.Testing;
using Mesh.Translation;

namespace Mesh.Kubernetes.Tests.Yaml;

public sealed class KubernetesYamlReaderTests
{
    private static readonly ProviderName Provider = new("test");

    [Fact]
    public void PlainScalars_AreTypedByTheCoreSchema_QuotedOnesStayStrings()
    {
        var diagnostics = new List<Diagnostic>();
        var doc = Assert.Single(KubernetesYamlReader.Read("a: 1\nb: \"1\"\nc: true\nd: 'true'\ne: 1.5\nf: ~\ng: 0x1F\nh: yes\n", "t.yaml", Provider, diagnostics));
        Assert.Empty(diagnostics);
        var root = Assert.IsType<JsonObject>(doc.Root);
        Assert.Equal(1L, root["a"]!.GetValue<long>());
        Assert.Equal("1", root["b"]!.GetValue<string>());
        Assert.True(root["c"]!.GetValue<bool>());
        Assert.Equal("true", root["d"]!.GetValue<string>());
        Assert.Equal(1.5, root["e"]!.GetValue<double>());
        Assert.Null(root["f"]);
        Assert.Equal("0x1F", root["g"]!.GetValue<string>());
        Assert.Equal("yes", root["h"]!.GetValue<string>());
    }

    [Fact]
    public void EveryNode_HasItsPosition_AndDocumentsTheirIndex()
    {
        var diagnostics = new List<Diagnostic>();
        var docs = KubernetesYamlReader.Read("kind: A\n---\nkind: B\nspec:\n  items:\n  - x: 1\n", "t.yaml", Provider, diagnostics);
        Assert.Equal(2, docs.Count);
        Assert.Equal(1, docs[1].Index);
        Assert.Equal(new SourceLocation("t.yaml", 6, 5), docs[1].Positions["$.spec.items[0].x"]);
        Assert.Equal(new SourceLocation("t.yaml", 4, 1), docs[1].Positions["$.spec"]);
    }

    [Fact]
    public void ADuplicateKey_EndsTheStream_WithOneDiagnosticAtItsPath()
    {
        var diagnostics = new List<Diagnostic>();
        var docs = KubernetesYamlReader.Read("kind: A\n---\nspec:\n  a: 1\n  a: 2\n", "t.yaml", Provider, diagnostics);
        Assert.Single(docs);
        var d = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.DuplicateKey, "t.yaml#1 $.spec.a", new SourceLocation("t.yaml", 5, 3)), (d.Code, d.Path, d.Location));
        Assert.Equal(Provider, d.Provider);
    }

    [Fact]
    public void AliasesWithinTheLimits_AreExpanded()
    {
        var diagnostics = new List<Diagnostic>();
        var doc = Assert.Single(KubernetesYamlReader.Read("a: &x {p: 1}\nb: *x\n", "t.yaml", Provider, diagnostics));
        Assert.Empty(diagnostics);
        Assert.Equal(1L, doc.Root!["b"]!["p"]!.GetValue<long>());
        Assert.NotSame(doc.Root["a"], doc.Root["b"]);
    }

    [Fact]
    public void HostileShapes_AreOneLimitDiagnostic_AtTheDocumentTheyStartIn()
    {
        foreach (var (name, make) in HostileYaml.All("kind: A\n---\n"))
        {
            var diagnostics = new List<Diagnostic>();
            var docs = KubernetesYamlReader.Read(make(), "h.yaml", Provider, diagnostics);
            var d = Assert.Single(diagnostics);
            Assert.True(d.Code == DiagnosticCodes.LimitExceeded, $"{name}: {d}");
            Assert.NotNull(d.Location);
            // The 50 MB text is refused before any parsing; the others stop inside their document.
            Assert.StartsWith(docs.Count == 0 ? "h.yaml#0 $" : "h.yaml#1 $", d.Path, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheLimits_ComeFromTheOptions()
    {
        var diagnostics = new List<Diagnostic>();
        KubernetesYamlReader.Read("a: [[[1]]]\n", "t.yaml", Provider, diagnostics, KubernetesYamlReader.DefaultOptions with { MaxDepth = 2 });
        Assert.Contains("MaxDepth", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
        Assert.True(KubernetesYamlReader.DefaultOptions.AllowAliases);
        Assert.Equal(MeshReaderOptions.Default.MaxNodes, KubernetesYamlReader.DefaultOptions.MaxNodes);
    }
}

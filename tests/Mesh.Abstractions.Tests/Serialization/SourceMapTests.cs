using Mesh.Diagnostics;
using Mesh.Serialization;

namespace Mesh.Abstractions.Tests.Serialization;

public class SourceMapTests
{
    private const string Yaml =
        "kind: Mesh\n" +
        "metadata: { name: m }\n" +
        "spec:\n" +
        "  services:\n" +
        "    - name: a\n" +
        "      namespace: b\n" +
        "      subsets:\n" +
        "        v1: { app.kubernetes.io/name: web, version: v1 }\n";

    private static readonly SourceMap Map = MeshYaml.Read(Yaml, "m.yaml").SourceMap;

    [Theory]
    [InlineData("$", 1, 1)]
    [InlineData("$.metadata", 2, 11)]
    [InlineData("$.metadata.name", 2, 19)]
    [InlineData("$.spec.services", 5, 5)]
    [InlineData("$.spec.services[0]", 5, 7)]
    [InlineData("$.spec.services[0].namespace", 6, 18)]
    [InlineData("$.spec.services[0].subsets.v1", 8, 13)]
    [InlineData("$.spec.services[0].subsets.v1.version", 8, 53)]
    [InlineData("$.spec.services[0].subsets.v1['app.kubernetes.io/name']", 8, 39)]
    public void EveryNode_IsMappedByItsPath(string path, int line, int column)
    {
        Assert.True(Map.TryGetLocation(path, out var location), path);
        Assert.Equal(new SourceLocation("m.yaml", line, column), location);
    }

    [Fact]
    public void UnmappedPaths_AreNotFound()
    {
        Assert.False(Map.TryGetLocation("$.spec.routes", out _));
        Assert.False(SourceMap.Empty.TryGetLocation("$", out _));
        Assert.Equal(0, SourceMap.Empty.Count);
    }

    [Fact]
    public void Locate_UsesTheLongestMappedPrefix()
    {
        var diagnostic = Diagnostic.Error(DiagnosticCodes.MissingRequired, "$.spec.services[0].ports[0].port", "validation says so");
        Assert.Equal(new SourceLocation("m.yaml", 5, 7), Map.Locate(diagnostic).Location);
        var nested = Diagnostic.Error(DiagnosticCodes.InvalidFormat, "$.spec.services[0].subsets.v1.version", "x");
        Assert.Equal(new SourceLocation("m.yaml", 8, 53), Map.Locate(nested).Location);
    }

    [Fact]
    public void Locate_KeepsAnExistingLocation_AndLeavesUnrelatedPathsAlone()
    {
        var located = Diagnostic.Error(DiagnosticCodes.Syntax, "$.spec", "x") with { Location = new SourceLocation("other", 9, 9) };
        Assert.Same(located, Map.Locate(located));
        var unrelated = Diagnostic.Error(DiagnosticCodes.Syntax, "elsewhere", "x");
        Assert.Null(Map.Locate(unrelated).Location);
    }

    [Fact]
    public void ReadResult_OfABadDocument_StillMapsWhatWasRead()
    {
        var result = MeshYaml.Read(Yaml.Replace("namespace: b", "namespace: [b]", StringComparison.Ordinal), "m.yaml");
        Assert.True(result.HasErrors);
        Assert.True(result.SourceMap.TryGetLocation("$.spec.services[0].subsets.v1", out _));
    }
}

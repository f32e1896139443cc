using CsCheck;
using Mesh.Diagnostics;
using Mesh.Serialization;
using Mesh.Testing;
using Mesh.Validation;

namespace Mesh.Abstractions.Tests.Validation;

/// <summary>The shared generators promise valid models; the validator is the judge (and each checks the other).</summary>
public class GeneratedModelsAreValidTests
{
    [Fact]
    public void GeneratedModels_HaveNoValidationErrors() =>
        MeshGenerators.Config.Sample(
            config =>
            {
                var errors = MeshValidator.Validate(config).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + MeshYaml.Write(config));
            },
            iter: 300);

    [Fact]
    public void NormalizedModels_StayValid() =>
        MeshGenerators.Config.Sample(config => Assert.DoesNotContain(MeshValidator.Validate(config.Normalize()), d => d.IsError), iter: 200);

    [Fact]
    public void TheSample_IsValid_WithoutWarnings()
    {
        var read = MeshYaml.Read(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "samples", "bookinfo.mesh.yaml")), "bookinfo.mesh.yaml");
        Assert.Empty(read.Diagnostics);
        Assert.Empty(MeshValidator.Validate(read.Config!));
    }
}
